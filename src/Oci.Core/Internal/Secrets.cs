using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace Oci
{
    /// <summary>Marks an options property whose value is never shown (a command's stdin, say), whatever its name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class SensitiveAttribute : Attribute
    {
    }

    /// <summary>Keeps secrets out of request lines, messages and ToString().</summary>
    internal static class Secrets
    {
        public const string Redacted = "***";

        /// <summary>The longest value a request line shows; the rest is elided (a request line is a log line).</summary>
        private const int MaxShown = 200;

        private static readonly string[] SecretWords = { "password", "passwd", "secret", "token", "auth", "credential", "key" };

        /// <summary>A secret-looking name hides its value, unless the value is a switch (no secret is a bool).</summary>
        public static bool ShouldRedact(string name, object? value) => value is not bool && IsSecretName(name);

        public static bool IsSecretName(string name)
        {
            foreach (var w in SecretWords)
                if (name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }

        /// <summary>
        /// The parameter names of properties marked <see cref="SensitiveAttribute"/> in Oci's options types (a command's
        /// <c>input</c>): a parameter dictionary hides them too, though its request does not know the options type yet.
        /// </summary>
        private static readonly Lazy<HashSet<string>> SensitiveNames = new(() => new HashSet<string>(
            LoadableTypes()
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .Where(p => p.IsDefined(typeof(SensitiveAttribute), inherit: true))
                .Select(p => p.Name),
            StringComparer.OrdinalIgnoreCase));

        /// <summary>This assembly's types, but for any that cannot load here (one naming a dependency the host lacks).</summary>
        private static IEnumerable<Type> LoadableTypes()
        {
            try
            {
                return typeof(Secrets).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t is not null)!;
            }
        }

        /// <summary>How a parameter's value appears in a request line: redacted when its name looks secret or names a sensitive property, cut when long.</summary>
        public static string Show(string name, object? value)
        {
            if (ShouldRedact(name, value) || (value is not bool && SensitiveNames.Value.Contains(name))
                || value is Credentials.OciRegistryCredential || value is System.Security.SecureString) return Redacted;
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            return text.Length > MaxShown ? text.Substring(0, MaxShown) + "…" : text;
        }
    }
}
