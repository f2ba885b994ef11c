using System;
using System.Globalization;

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

        /// <summary>How a parameter's value appears in a request line: redacted when its name looks secret, cut when long.</summary>
        public static string Show(string name, object? value)
        {
            if (ShouldRedact(name, value) || value is Credentials.OciRegistryCredential || value is System.Security.SecureString) return Redacted;
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            return text.Length > MaxShown ? text.Substring(0, MaxShown) + "…" : text;
        }
    }
}
