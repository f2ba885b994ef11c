namespace Oci
{
    /// <summary>
    /// The character-level productions of the distribution reference grammar, checked by hand: image references are
    /// parsed for every tag and digest of every listed image, and these loops allocate nothing (a regex match allocates
    /// its groups and, uncompiled, is several times slower; compiled, it costs start-up time). The domain, whose grammar
    /// has alternatives, stays a regex in <see cref="ImageReference"/>.
    /// </summary>
    internal static class ReferenceGrammar
    {
        /// <summary>The longest tag: <c>[\w][\w.-]{0,127}</c>.</summary>
        public const int MaxTagLength = 128;

        /// <summary>
        /// <c>path-component := [a-z0-9]+ (separator [a-z0-9]+)*</c>, <c>separator := [._] | __ | -+</c>, over
        /// <paramref name="s"/>[<paramref name="start"/>..<paramref name="end"/>).
        /// </summary>
        public static bool IsPathComponent(string s, int start, int end)
        {
            var i = start;
            while (true)
            {
                var run = i;
                while (i < end && IsLowerAlnum(s[i])) i++;
                if (i == run) return false; // empty component, or a separator not between letters/digits
                if (i == end) return true;
                switch (s[i])
                {
                    case '.':
                        i++;
                        break;
                    case '_':
                        i++;
                        if (i < end && s[i] == '_') i++;
                        break;
                    case '-':
                        while (i < end && s[i] == '-') i++;
                        break;
                    default:
                        return false;
                }
            }
        }

        /// <summary><c>tag := [\w][\w.-]{0,127}</c>, with <c>\w</c> as in Go's RE2: ASCII letters, digits and '_'.</summary>
        public static bool IsTag(string s)
        {
            if (s.Length == 0 || s.Length > MaxTagLength || !IsWord(s[0])) return false;
            for (var i = 1; i < s.Length; i++)
                if (!(IsWord(s[i]) || s[i] == '.' || s[i] == '-')) return false;
            return true;
        }

        /// <summary>
        /// <c>digest := algorithm ":" encoded</c>, <c>algorithm := [A-Za-z][A-Za-z0-9]* ([-_+.][A-Za-z][A-Za-z0-9]*)*</c>,
        /// <c>encoded := [0-9a-fA-F]{32,}</c>; <paramref name="colon"/> is where the algorithm ends.
        /// </summary>
        public static bool IsDigest(string s, out int colon)
        {
            colon = s.IndexOf(':');
            if (colon <= 0 || s.Length - colon - 1 < 32) return false;
            var i = 0;
            while (true)
            {
                if (!IsAsciiLetter(s[i])) return false;
                i++;
                while (i < colon && (IsAsciiLetter(s[i]) || IsDigit(s[i]))) i++;
                if (i == colon) break;
                if (!(s[i] == '-' || s[i] == '_' || s[i] == '+' || s[i] == '.')) return false;
                i++;
                if (i == colon) return false;
            }
            for (i = colon + 1; i < s.Length; i++)
                if (!IsHex(s[i])) return false;
            return true;
        }

        /// <summary><c>identifier := [a-f0-9]{64}</c>: an image id without its algorithm.</summary>
        public static bool IsIdentifier(string s, int start = 0) => s.Length - start == 64 && IsLowercaseHex(s, start, 64);

        /// <summary><c>sha256:</c> + 64 lowercase hex, or 12 to 64 lowercase hex (an id or a prefix of one).</summary>
        public static bool IsImageId(string s) =>
            s.Length == 71 && s.StartsWith("sha256:", System.StringComparison.Ordinal) ? IsLowercaseHex(s, 7, 64)
            : s.Length >= 12 && s.Length <= 64 && IsLowercaseHex(s, 0, s.Length);

        public static bool IsLowercaseHex(string s, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                var c = s[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            }
            return true;
        }

        private static bool IsLowerAlnum(char c) => (c >= 'a' && c <= 'z') || IsDigit(c);

        private static bool IsWord(char c) => IsAsciiLetter(c) || IsDigit(c) || c == '_';

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
