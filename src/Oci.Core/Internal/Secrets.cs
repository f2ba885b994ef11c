using System;

namespace Oci
{
    /// <summary>Keeps secrets out of request lines, messages and ToString().</summary>
    internal static class Secrets
    {
        public const string Redacted = "***";

        private static readonly string[] SecretWords = { "password", "passwd", "secret", "token", "auth", "credential", "key" };

        /// <summary>A secret-looking name hides its value, unless the value is a switch (no secret is a bool).</summary>
        public static bool ShouldRedact(string name, object? value) => value is not bool && IsSecretName(name);

        public static bool IsSecretName(string name)
        {
            foreach (var w in SecretWords)
                if (name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }
    }
}
