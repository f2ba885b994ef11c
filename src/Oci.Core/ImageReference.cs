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
        private static readonly Regex DomainRegex = new Regex(
            @"\A(?:" + DomainComponent + @"(?:\." + DomainComponent + @")*|\[(?<ipv6>[a-fA-F0-9:]+)\])(?::(?<port>[0-9]+))?\z", Options);

        // path-component := [a-z0-9]+ (separator [a-z0-9]+)*, separator := [._] | __ | -+
        private static readonly Regex PathComponentRegex = new Regex(@"\A[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z", Options);

        // tag := [\w][\w.-]{0,127}, with \w spelled out: in .NET \w is Unicode, in Go's RE2 it is ASCII.
        private static readonly Regex TagRegex = new Regex(@"\A[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", Options);

        // digest := algorithm ":" encoded
        private static readonly Regex DigestRegex = new Regex(
            @"\A(?<algorithm>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):(?<encoded>[0-9a-fA-F]{32,})\z", Options);

        // identifier := [a-f0-9]{64}
        private static readonly Regex IdentifierRegex = new Regex(@"\A[a-f0-9]{64}\z", Options);

        private static readonly Regex ImageIdRegex = new Regex(@"\A(?:sha256:[a-f0-9]{64}|[a-f0-9]{12,64})\z", Options);

        private readonly string _string;

        private ImageReference(string domain, string path, string? tag, string? digest)
        {
            Domain = domain;
            Path = path;
            Tag = tag;
            Digest = digest;
            _string = Repository + (tag is not null ? ":" + tag : digest is null ? ":" + DefaultTag : string.Empty) + (digest is not null ? "@" + digest : string.Empty);
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
        public string Repository => Domain + "/" + Path;

        /// <summary>The tag a pull uses: the given tag, else <c>latest</c> when there is no digest either.</summary>
        public string? EffectiveTag => Tag ?? (Digest is null ? DefaultTag : null);

        /// <summary>The short form Docker shows (<c>alpine</c>, <c>user/app</c>, <c>127.0.0.1:5000/small</c>).</summary>
        public string FamiliarName
        {
            get
            {
                if (!string.Equals(Domain, DefaultDomain, StringComparison.Ordinal)) return Repository;
                if (Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal) && Path.IndexOf('/', OfficialRepositoryPrefix.Length) < 0)
                    return Path.Substring(OfficialRepositoryPrefix.Length);
                return Path;
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
        public static bool IsImageId(string value) => value is not null && ImageIdRegex.IsMatch(value);

        /// <summary>True when <paramref name="tag"/> is a valid tag (1 to 128 of <c>[A-Za-z0-9_.-]</c>, not starting with <c>.</c> or <c>-</c>).</summary>
        public static bool IsValidTag(string? tag) => tag is not null && TagRegex.IsMatch(tag);

        /// <summary>True when <paramref name="digest"/> is a valid, supported digest (<c>sha256:</c> + 64 lowercase hex, or sha384/sha512).</summary>
        public static bool IsValidDigest(string? digest) => digest is not null && DigestError(digest) is null;

        /// <summary>The normalised full string: <c>docker.io/library/alpine:latest</c>, with <c>@digest</c> when given.</summary>
        public override string ToString() => _string;

        /// <summary>
        /// The familiar form Docker shows: the familiar name with <c>:tag</c> and/or <c>@digest</c> as given,
        /// without adding a default tag (<c>alpine</c>, <c>alpine:3.20</c>, <c>localhost:5000/app@sha256:...</c>).
        /// </summary>
        public string ToFamiliarString() =>
            FamiliarName + (Tag is not null ? ":" + Tag : string.Empty) + (Digest is not null ? "@" + Digest : string.Empty);

        public bool Equals(ImageReference? other) => other is not null && string.Equals(_string, other._string, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as ImageReference);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_string);

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

            if (IdentifierRegex.IsMatch(s))
                return "a 64-character hexadecimal string is an image id, not a repository name (cannot specify 64-byte hexadecimal strings)";
            if (s.StartsWith("sha256:", StringComparison.Ordinal) && IdentifierRegex.IsMatch(s.Substring(7)))
                return "'sha256:' followed by 64 hexadecimal characters is an image id, not a repository name";
            if (s.IndexOf("://", StringComparison.Ordinal) >= 0)
                return "a reference is not a URL; write it without a scheme, as [host[:port]/]path[:tag][@digest]";

            // Digest: everything after the '@' (no other part may contain one).
            var nameAndTag = s;
            string? digest = null;
            var at = s.IndexOf('@');
            if (at >= 0)
            {
                if (s.IndexOf('@', at + 1) >= 0) return "it contains more than one '@'";
                digest = s.Substring(at + 1);
                nameAndTag = s.Substring(0, at);
                if (digest.Length == 0) return "'@' must be followed by a digest";
                if (nameAndTag.Length == 0) return "the repository name before '@' is missing";
            }

            // Domain, Docker's way: the part before the first '/' is a domain when it is localhost, holds a '.' or ':',
            // or has uppercase letters (repository paths cannot); otherwise the name is on Docker Hub.
            string domain;
            string remainder;
            string? givenDomain = null;
            var slash = nameAndTag.IndexOf('/');
            if (slash >= 0 && IsDomainLike(nameAndTag.Substring(0, slash)))
            {
                givenDomain = nameAndTag.Substring(0, slash);
                domain = string.Equals(givenDomain, LegacyDefaultDomain, StringComparison.Ordinal) ? DefaultDomain : givenDomain;
                remainder = nameAndTag.Substring(slash + 1);
                var domainError = DomainError(givenDomain);
                if (domainError is not null) return domainError;
            }
            else
            {
                domain = DefaultDomain;
                remainder = nameAndTag;
            }

            // Tag: after the first ':' of the remainder (paths cannot hold one).
            var path = remainder;
            string? tag = null;
            var colon = remainder.IndexOf(':');
            if (colon >= 0)
            {
                tag = remainder.Substring(colon + 1);
                path = remainder.Substring(0, colon);
            }

            var pathError = PathError(path, givenDomain is not null);
            if (pathError is not null) return pathError;

            if (tag is not null)
            {
                if (tag.Length == 0) return "':' must be followed by a tag";
                if (!TagRegex.IsMatch(tag))
                    return $"tag '{Display(tag)}' is invalid: a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'";
            }

            if (digest is not null)
            {
                var digestError = DigestError(digest);
                if (digestError is not null) return digestError;
            }

            var writtenName = givenDomain is null ? path : givenDomain + "/" + path;
            if (writtenName.Length > MaxNameLength) return $"repository name must not be more than {MaxNameLength} characters";

            if (string.Equals(domain, DefaultDomain, StringComparison.Ordinal) && path.IndexOf('/') < 0)
                path = OfficialRepositoryPrefix + path;
            if (path.Length > MaxNameLength) return $"repository name must not be more than {MaxNameLength} characters";

            result = new ImageReference(domain, path, tag, digest);
            return null;
        }

        private static bool IsDomainLike(string candidate) =>
            string.Equals(candidate, Localhost, StringComparison.Ordinal)
            || candidate.IndexOf('.') >= 0
            || candidate.IndexOf(':') >= 0
            || HasAsciiUppercase(candidate);

        private static string? DomainError(string domain)
        {
            var m = DomainRegex.Match(domain);
            if (!m.Success)
                return $"registry domain '{Display(domain)}' is invalid: expected a host name, an IPv4 address or a bracketed IPv6 address, optionally followed by ':' and a port";
            var ipv6 = m.Groups["ipv6"];
            if (ipv6.Success && !(IPAddress.TryParse(ipv6.Value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6))
                return $"registry domain '{Display(domain)}' is invalid: '{ipv6.Value}' is not an IPv6 address";
            var port = m.Groups["port"];
            if (port.Success && (port.Value.Length > 5 || int.Parse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture) > MaxPort))
                return $"registry port '{port.Value}' is invalid: a port is at most {MaxPort}";
            return null;
        }

        private static string? PathError(string path, bool afterDomain)
        {
            if (path.Length == 0) return afterDomain ? "the repository path after the registry domain is missing" : "the repository name is missing";
            if (HasAsciiUppercase(path)) return "repository name must be lowercase";
            if (path[0] == '/') return "the repository path cannot start with '/'";
            if (path[path.Length - 1] == '/') return "the repository path cannot end with '/'";
            foreach (var component in path.Split('/'))
            {
                if (component.Length == 0) return "the repository path cannot have empty components ('//')";
                if (!PathComponentRegex.IsMatch(component))
                    return $"path component '{Display(component)}' is invalid: components are lowercase letters and digits, "
                        + "separated by one '.', one or two '_' or any number of '-', and start and end with a letter or digit";
            }
            return null;
        }

        // Validates like go-digest: the grammar, then a registered algorithm with its exact lowercase hex length.
        private static string? DigestError(string digest)
        {
            var m = DigestRegex.Match(digest);
            if (!m.Success)
                return $"digest '{Display(digest)}' is invalid: expected algorithm:hex, as in sha256: followed by 64 hexadecimal characters";
            var algorithm = m.Groups["algorithm"].Value;
            var encoded = m.Groups["encoded"].Value;
            int length;
            switch (algorithm)
            {
                case "sha256": length = 64; break;
                case "sha384": length = 96; break;
                case "sha512": length = 128; break;
                default: return $"digest algorithm '{Display(algorithm)}' is not supported (use sha256, sha384 or sha512)";
            }
            if (encoded.Length != length || !IsLowercaseHex(encoded))
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

        private static bool IsLowercaseHex(string s)
        {
            foreach (var c in s)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            }
            return true;
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
