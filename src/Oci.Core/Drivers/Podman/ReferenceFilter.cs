using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Oci.Drivers.Docker;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// dockerd's <c>reference</c> image filter, for engines whose own filter means something else (Podman): a pattern
    /// (Go <c>path.Match</c> syntax) matches a reference when it matches its familiar string (<c>alpine:3.20</c>,
    /// <c>127.0.0.1:5000/small@sha256:…</c>) or its familiar name (<c>alpine</c>). As on dockerd, a listed image keeps
    /// only the tags and digests that matched, and an image with none is left out.
    /// </summary>
    internal static class ReferenceFilter
    {
        /// <summary>The image with only its matching tags and digests, or null when none match.</summary>
        public static OciImage? Apply(Regex regex, OciImage image)
        {
            var tags = image.Tags.Where(t => Matches(regex, t)).ToArray();
            var digests = image.Digests.Where(d => Matches(regex, d)).ToArray();
            if (tags.Length == 0 && digests.Length == 0) return null;
            return new OciImage
            {
                Id = image.Id,
                Reference = tags.FirstOrDefault(),
                Digest = DockerModels.DigestFor(digests, tags.FirstOrDefault()),
                Tags = tags,
                Digests = digests,
                Size = image.Size,
                Created = image.Created,
                Os = image.Os,
                Architecture = image.Architecture,
            };
        }

        internal static bool Matches(string pattern, string reference) => Matches(Compile(pattern), reference);

        private static bool Matches(Regex pattern, string reference)
        {
            if (pattern.IsMatch(reference)) return true;
            return ImageReference.TryParse(reference, out var r) && pattern.IsMatch(r!.FamiliarName);
        }

        /// <summary>Go's <c>path.Match</c> as a regular expression: <c>*</c> and <c>?</c> do not cross <c>/</c>; <c>[...]</c> classes; <c>\</c> escapes.</summary>
        internal static Regex Compile(string pattern)
        {
            var sb = new StringBuilder(@"\A");
            var i = 0;
            while (i < pattern.Length)
            {
                var c = pattern[i++];
                switch (c)
                {
                    case '*':
                        sb.Append("[^/]*");
                        break;
                    case '?':
                        sb.Append("[^/]");
                        break;
                    case '\\':
                        if (i >= pattern.Length) throw Bad(pattern);
                        sb.Append(Literal(pattern[i++]));
                        break;
                    case '[':
                        sb.Append('[');
                        if (i < pattern.Length && pattern[i] == '^')
                        {
                            sb.Append('^');
                            i++;
                        }
                        var ranges = 0;
                        while (true)
                        {
                            if (i >= pattern.Length) throw Bad(pattern);
                            if (pattern[i] == ']' && ranges > 0)
                            {
                                i++;
                                break;
                            }
                            var lo = ClassChar(pattern, ref i);
                            var hi = lo;
                            if (i < pattern.Length && pattern[i] == '-')
                            {
                                i++;
                                hi = ClassChar(pattern, ref i);
                                if (hi < lo) throw Bad(pattern);
                            }
                            sb.Append(Literal(lo)).Append('-').Append(Literal(hi));
                            ranges++;
                        }
                        sb.Append(']');
                        break;
                    default:
                        sb.Append(Literal(c));
                        break;
                }
            }
            return new Regex(sb.Append(@"\z").ToString(), RegexOptions.CultureInvariant);
        }

        private static char ClassChar(string pattern, ref int i)
        {
            if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']') throw Bad(pattern);
            if (pattern[i] == '\\')
            {
                i++;
                if (i >= pattern.Length) throw Bad(pattern);
            }
            return pattern[i++];
        }

        private static string Literal(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

        private static OciException Bad(string pattern) =>
            new(OciErrorKind.InvalidArgument, $"'{pattern}' is not a valid image reference filter: syntax error in pattern.", pattern);
    }
}
