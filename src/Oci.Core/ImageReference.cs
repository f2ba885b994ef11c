using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Oci
{
    /// <summary>
    /// A parsed, normalised image reference: the distribution reference grammar
    /// (<c>reference := name [":" tag] ["@" digest]</c>, <c>name := [domain "/"] path</c>)
    /// with Docker's normalisation (<c>alpine</c> is <c>docker.io/library/alpine:latest</c>).
    /// </summary>
    /// <remarks>
    /// After a successful parse every part holds only characters of its grammar production, so the parts may be
    /// put into URLs and API paths as they are. Beyond Docker's own parser this one also refuses (a) a name whose
    /// registry domain Docker would silently drop (<c>foo_bar.com/x</c>: the first component holds a dot, so it is a
    /// domain, but not a valid one), (b) bracketed addresses that are not IPv6 addresses, ports above 65535,
    /// (c) <c>sha256:</c> + 64 hex, which is an image id and not the repository <c>library/sha256</c>, and
    /// (d) a name longer than 255 characters as written (Docker only limits the normalised path, which is checked too).
    /// </remarks>
    public sealed class ImageReference : IEquatable<ImageReference>
    {
        /// <summary>The registry a name without a domain refers to (Docker Hub).</summary>
        public const string DefaultDomain = "docker.io";

        /// <summary>The tag a reference without tag or digest refers to.</summary>
        public const string DefaultTag = "latest";

        /// <summary>The longest repository name allowed, in characters.</summary>
        public const int MaxNameLength = 255;

        private const string LegacyDefaultDomain = "index.docker.io";
        private const string OfficialRepositoryPrefix = "library/";
        private const string Localhost = "localhost";
        private const int MaxInputLength = 1024;
        private const int MaxPort = 65535;
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        // domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
        private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";

        // domain := host [":" port]; host := domain-name | "[" IPv6 "]". Anchored with \A..\z (.NET's $ also matches before a final \n).
        // Only matched (no groups read): port and address are cut out by hand. The other productions: ReferenceGrammar.
        private static readonly Regex DomainRegex = new Regex(
            @"\A(?:" + DomainComponent + @"(?:\." + DomainComponent + @")*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?\z", Options);

        // Made on first use: a LIST parses every tag and digest of every image, and most are only shown familiar.
        private string? _repository;
        private string? _string;

        private ImageReference(string domain, string path, string? tag, string? digest)
        {
            Domain = domain;
            Path = path;
            Tag = tag;
            Digest = digest;
        }

        /// <summary>The registry host and optional port (<c>docker.io</c>, <c>127.0.0.1:5000</c>, <c>localhost</c>, <c>[::1]:5000</c>).</summary>
        public string Domain { get; }

        /// <summary>The repository path within the registry (<c>library/alpine</c>).</summary>
        public string Path { get; }

        /// <summary>The tag as given, or null.</summary>
        public string? Tag { get; }

        /// <summary>The digest as given (<c>sha256:...</c>), or null.</summary>
        public string? Digest { get; }

        /// <summary>Domain and path: <c>docker.io/library/alpine</c>.</summary>
        public string Repository => _repository ??= Domain + "/" + Path;

        /// <summary>True when <paramref name="other"/> names the same repository (without making either's <see cref="Repository"/> string).</summary>
        internal bool SameRepository(ImageReference other) =>
            string.Equals(Domain, other.Domain, StringComparison.Ordinal) && string.Equals(Path, other.Path, StringComparison.Ordinal);

        /// <summary>The tag a pull uses: the given tag, else <c>latest</c> when there is no digest either.</summary>
        public string? EffectiveTag => Tag ?? (Digest is null ? DefaultTag : null);

        /// <summary>The short form Docker shows (<c>alpine</c>, <c>user/app</c>, <c>127.0.0.1:5000/small</c>).</summary>
        public string FamiliarName
        {
            get
            {
                if (!IsDockerHub) return Repository;
                return IsOfficial ? Path.Substring(OfficialRepositoryPrefix.Length) : Path;
            }
        }

        /// <summary>
        /// Parses an image reference the way <c>docker pull</c> does, normalising familiar names.
        /// </summary>
        /// <exception cref="OciException">With <see cref="OciErrorKind.InvalidReference"/> when the reference is not valid.</exception>
        public static ImageReference Parse(string reference)
        {
            var error = ParseCore(reference, out var result);
            if (error is null) return result!;
            throw new OciException(OciErrorKind.InvalidReference, $"'{Display(reference)}' is not a valid image reference: {error}.", target: reference);
        }

        /// <summary>Parses an image reference; false when it is not valid.</summary>
        public static bool TryParse(string? reference, out ImageReference? result) => TryParse(reference, out result, out _);

        /// <summary>Parses an image reference; false when it is not valid, with <paramref name="error"/> saying what is wrong.</summary>
        public static bool TryParse(string? reference, out ImageReference? result, out string error)
        {
            var e = ParseCore(reference, out result);
            error = e ?? string.Empty;
            return e is null;
        }

        /// <summary>
        /// True for an image id as <c>docker image inspect</c> takes it: <c>sha256:</c> + 64 lowercase hex characters,
        /// a bare 64-character id, or an id prefix of 12 to 63 hex characters. Note that a short prefix is also a valid
        /// repository name; callers that accept both should try the id first, as Docker does.
        /// </summary>
        public static bool IsImageId(string value) => value is not null && ReferenceGrammar.IsImageId(value);

        /// <summary>True when <paramref name="tag"/> is a valid tag (1 to 128 of <c>[A-Za-z0-9_.-]</c>, not starting with <c>.</c> or <c>-</c>).</summary>
        public static bool IsValidTag(string? tag) => tag is not null && ReferenceGrammar.IsTag(tag);

        /// <summary>True when <paramref name="digest"/> is a valid, supported digest (<c>sha256:</c> + 64 lowercase hex, or sha384/sha512).</summary>
        public static bool IsValidDigest(string? digest) => digest is not null && DigestError(digest) is null;

        /// <summary>The normalised full string: <c>docker.io/library/alpine:latest</c>, with <c>@digest</c> when given.</summary>
        public override string ToString() => _string ??=
            Tag is not null ? (Digest is not null ? Repository + ":" + Tag + "@" + Digest : Repository + ":" + Tag)
            : Digest is not null ? Repository + "@" + Digest : Repository + ":" + DefaultTag;

        /// <summary>
        /// The familiar form Docker shows: the familiar name with <c>:tag</c> and/or <c>@digest</c> as given,
        /// without adding a default tag (<c>alpine</c>, <c>alpine:3.20</c>, <c>localhost:5000/app@sha256:...</c>).
        /// </summary>
        /// <summary>
        /// <see cref="ToFamiliarString()"/> of a reference parsed from <paramref name="parsed"/>: that very string when it was
        /// already written familiar (as dockerd lists names), so listing a thousand images does not copy every name.
        /// </summary>
        internal string ToFamiliarString(string parsed)
        {
            // The familiar form's parts (domain unless Docker Hub, the path without library/, tag, digest), compared in place.
            var at = 0;
            var same = (IsDockerHub || (Matches(parsed, ref at, Domain, 0) && Matches(parsed, ref at, "/", 0)))
                && Matches(parsed, ref at, Path, IsOfficial ? OfficialRepositoryPrefix.Length : 0)
                && (Tag is null || (Matches(parsed, ref at, ":", 0) && Matches(parsed, ref at, Tag, 0)))
                && (Digest is null || (Matches(parsed, ref at, "@", 0) && Matches(parsed, ref at, Digest, 0)))
                && at == parsed.Length;
            return same ? parsed : ToFamiliarString();
        }

        private static bool Matches(string s, ref int at, string part, int from)
        {
            var n = part.Length - from;
            if (s.Length - at < n || string.CompareOrdinal(s, at, part, from, n) != 0) return false;
            at += n;
            return true;
        }

        private bool IsDockerHub => string.Equals(Domain, DefaultDomain, StringComparison.Ordinal);

        // An official image: docker.io/library/<name>, shown as <name>.
        private bool IsOfficial => IsDockerHub && Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal) && Path.IndexOf('/', OfficialRepositoryPrefix.Length) < 0;

        public string ToFamiliarString() =>
            Tag is not null ? (Digest is not null ? FamiliarName + ":" + Tag + "@" + Digest : FamiliarName + ":" + Tag)
            : Digest is not null ? FamiliarName + "@" + Digest : FamiliarName;

        public bool Equals(ImageReference? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as ImageReference);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

        public static bool operator ==(ImageReference? left, ImageReference? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(ImageReference? left, ImageReference? right) => !(left == right);

        // Returns null and the reference, or the reason the input is not a valid reference.
        private static string? ParseCore(string? s, out ImageReference? result)
        {
            result = null;
            if (s is null || IsBlank(s)) return "the reference is empty";
            if (s.Length > MaxInputLength) return $"the reference is longer than {MaxInputLength} characters";
            if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[s.Length - 1])) return "the reference has leading or trailing whitespace";
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return "the reference contains whitespace or a control character";
            }

            if (ReferenceGrammar.IsIdentifier(s))
                return "a 64-character hexadecimal string is an image id, not a repository name (cannot specify 64-byte hexadecimal strings)";
            if (s.StartsWith("sha256:", StringComparison.Ordinal) && ReferenceGrammar.IsIdentifier(s, 7))
                return "'sha256:' followed by 64 hexadecimal characters is an image id, not a repository name";
            if (s.IndexOf("://", StringComparison.Ordinal) >= 0)
                return "a reference is not a URL; write it without a scheme, as [host[:port]/]path[:tag][@digest]";

            // Digest: everything after the '@' (no other part may contain one). The name and tag are s[0..nameEnd):
            // parts are cut from s by offset, so only what the reference keeps is allocated (LIST parses every name).
            var nameEnd = s.Length;
            string? digest = null;
            var at = s.IndexOf('@');
            if (at >= 0)
            {
                if (s.IndexOf('@', at + 1) >= 0) return "it contains more than one '@'";
                digest = s.Substring(at + 1);
                nameEnd = at;
                if (digest.Length == 0) return "'@' must be followed by a digest";
                if (nameEnd == 0) return "the repository name before '@' is missing";
            }

            // Domain, Docker's way: the part before the first '/' is a domain when it is localhost, holds a '.' or ':',
            // or has uppercase letters (repository paths cannot); otherwise the name is on Docker Hub.
            string domain;
            var rest = 0;
            string? givenDomain = null;
            var slash = s.IndexOf('/', 0, nameEnd);
            if (slash >= 0 && IsDomainLike(s, slash))
            {
                givenDomain = Is(s, slash, DefaultDomain) ? DefaultDomain : Is(s, slash, LegacyDefaultDomain) ? LegacyDefaultDomain : s.Substring(0, slash);
                domain = ReferenceEquals(givenDomain, LegacyDefaultDomain) ? DefaultDomain : givenDomain;
                rest = slash + 1;
                var domainError = DomainError(givenDomain);
                if (domainError is not null) return domainError;
            }
            else
            {
                domain = DefaultDomain;
            }

            // Tag: after the first ':' of the rest (paths cannot hold one).
            var colon = s.IndexOf(':', rest, nameEnd - rest);
            var path = s.Substring(rest, (colon >= 0 ? colon : nameEnd) - rest);
            var tag = colon >= 0 ? s.Substring(colon + 1, nameEnd - colon - 1) : null;

            var pathError = PathError(path, givenDomain is not null);
            if (pathError is not null) return pathError;

            if (tag is not null)
            {
                if (tag.Length == 0) return "':' must be followed by a tag";
                if (!ReferenceGrammar.IsTag(tag))
                    return $"tag '{Display(tag)}' is invalid: a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'";
            }

            if (digest is not null)
            {
                var digestError = DigestError(digest);
                if (digestError is not null) return digestError;
            }

            var writtenLength = givenDomain is null ? path.Length : givenDomain.Length + 1 + path.Length;
            if (writtenLength > MaxNameLength) return $"repository name must not be more than {MaxNameLength} characters";

            if (string.Equals(domain, DefaultDomain, StringComparison.Ordinal) && path.IndexOf('/') < 0)
                path = OfficialRepositoryPrefix + path;
            if (path.Length > MaxNameLength) return $"repository name must not be more than {MaxNameLength} characters";

            result = new ImageReference(domain, path, tag, digest);
            return null;
        }

        // s[0..length) is exactly value.
        private static bool Is(string s, int length, string value) => length == value.Length && string.CompareOrdinal(s, 0, value, 0, length) == 0;

        // The first component of name[0..length).
        private static bool IsDomainLike(string name, int length)
        {
            if (length == Localhost.Length && string.CompareOrdinal(name, 0, Localhost, 0, length) == 0) return true;
            for (var i = 0; i < length; i++)
            {
                var c = name[i];
                if (c == '.' || c == ':' || (c >= 'A' && c <= 'Z')) return true;
            }
            return false;
        }

        private static string? DomainError(string domain)
        {
            if (!DomainRegex.IsMatch(domain))
                return $"registry domain '{Display(domain)}' is invalid: expected a host name, an IPv4 address or a bracketed IPv6 address, optionally followed by ':' and a port";
            // The regex allows ':' only inside brackets and before the port.
            var close = domain[0] == '[' ? domain.IndexOf(']') : -1;
            if (close > 0)
            {
                var ipv6 = domain.Substring(1, close - 1);
                if (!(IPAddress.TryParse(ipv6, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6))
                    return $"registry domain '{Display(domain)}' is invalid: '{ipv6}' is not an IPv6 address";
            }
            var colon = domain.IndexOf(':', close + 1);
            if (colon > 0)
            {
                var port = domain.Substring(colon + 1);
                if (port.Length > 5 || int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture) > MaxPort)
                    return $"registry port '{port}' is invalid: a port is at most {MaxPort}";
            }
            return null;
        }

        private static string? PathError(string path, bool afterDomain)
        {
            if (path.Length == 0) return afterDomain ? "the repository path after the registry domain is missing" : "the repository name is missing";
            if (HasAsciiUppercase(path)) return "repository name must be lowercase";
            if (path[0] == '/') return "the repository path cannot start with '/'";
            if (path[path.Length - 1] == '/') return "the repository path cannot end with '/'";
            for (var start = 0; start <= path.Length;)
            {
                var end = path.IndexOf('/', start);
                if (end < 0) end = path.Length;
                if (end == start) return "the repository path cannot have empty components ('//')";
                if (!ReferenceGrammar.IsPathComponent(path, start, end))
                    return $"path component '{Display(path.Substring(start, end - start))}' is invalid: components are lowercase letters and digits, "
                        + "separated by one '.', one or two '_' or any number of '-', and start and end with a letter or digit";
                start = end + 1;
            }
            return null;
        }

        // Validates like go-digest: the grammar, then a registered algorithm with its exact lowercase hex length.
        private static string? DigestError(string digest)
        {
            if (!ReferenceGrammar.IsDigest(digest, out var colon))
                return $"digest '{Display(digest)}' is invalid: expected algorithm:hex, as in sha256: followed by 64 hexadecimal characters";
            int length;
            string algorithm;
            if (colon == 6 && string.CompareOrdinal(digest, 0, "sha256", 0, 6) == 0) { algorithm = "sha256"; length = 64; }
            else if (colon == 6 && string.CompareOrdinal(digest, 0, "sha384", 0, 6) == 0) { algorithm = "sha384"; length = 96; }
            else if (colon == 6 && string.CompareOrdinal(digest, 0, "sha512", 0, 6) == 0) { algorithm = "sha512"; length = 128; }
            else return $"digest algorithm '{Display(digest.Substring(0, colon))}' is not supported (use sha256, sha384 or sha512)";
            var encoded = digest.Length - colon - 1;
            if (encoded != length || !ReferenceGrammar.IsLowercaseHex(digest, colon + 1, encoded))
                return $"a {algorithm} digest must have exactly {length} lowercase hexadecimal characters";
            return null;
        }

        private static bool IsBlank(string s)
        {
            foreach (var c in s)
            {
                if (!char.IsWhiteSpace(c)) return false;
            }
            return true;
        }

        private static bool HasAsciiUppercase(string s)
        {
            foreach (var c in s)
            {
                if (c >= 'A' && c <= 'Z') return true;
            }
            return false;
        }

        // The input as it may be shown in a message: control characters escaped, very long input cut.
        private static string Display(string? s)
        {
            if (s is null) return string.Empty;
            const int max = 300;
            var sb = new StringBuilder(Math.Min(s.Length, max) + 8);
            foreach (var c in s)
            {
                if (sb.Length >= max) { sb.Append("..."); break; }
                if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
