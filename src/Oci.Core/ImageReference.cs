using System;

namespace Oci
{
    /// <summary>
    /// A parsed, normalised image reference (distribution reference grammar with Docker's normalisation).
    /// PLACEHOLDER SURFACE: the full grammar lands with the reference parser work.
    /// </summary>
    public sealed class ImageReference : IEquatable<ImageReference>
    {
        private ImageReference(string domain, string path, string? tag, string? digest)
        {
            Domain = domain; Path = path; Tag = tag; Digest = digest;
        }

        /// <summary>The registry host (<c>docker.io</c>, <c>127.0.0.1:5000</c>, <c>localhost</c>).</summary>
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
        public string? EffectiveTag => Tag ?? (Digest is null ? "latest" : null);
        /// <summary>The short form Docker shows (<c>alpine</c>, <c>user/app</c>, <c>127.0.0.1:5000/small</c>).</summary>
        public string FamiliarName => Domain == "docker.io" ? (Path.StartsWith("library/", StringComparison.Ordinal) && Path.IndexOf('/', 8) < 0 ? Path.Substring(8) : Path) : Repository;

        public static bool IsImageId(string value) =>
            System.Text.RegularExpressions.Regex.IsMatch(value ?? string.Empty, "^(sha256:[a-f0-9]{64}|[a-f0-9]{12,64})$");

        public static ImageReference Parse(string reference)
        {
            if (TryParse(reference, out var r, out var error)) return r!;
            throw new OciException(OciErrorKind.InvalidReference, $"'{reference}' is not a valid image reference: {error}", reference);
        }

        public static bool TryParse(string? reference, out ImageReference? result) => TryParse(reference, out result, out _);

        public static bool TryParse(string? reference, out ImageReference? result, out string error)
        {
            result = null;
            error = "the reference is empty";
            if (string.IsNullOrEmpty(reference)) return false;
            var s = reference!;
            string? digest = null;
            var at = s.IndexOf('@');
            if (at >= 0) { digest = s.Substring(at + 1); s = s.Substring(0, at); }
            string? tag = null;
            var colon = s.LastIndexOf(':');
            if (colon > s.LastIndexOf('/')) { tag = s.Substring(colon + 1); s = s.Substring(0, colon); }
            var slash = s.IndexOf('/');
            string domain, path;
            if (slash < 0 || (s.Substring(0, slash).IndexOfAny(new[] { '.', ':' }) < 0 && s.Substring(0, slash) != "localhost"))
            { domain = "docker.io"; path = s; }
            else { domain = s.Substring(0, slash); path = s.Substring(slash + 1); }
            if (domain == "index.docker.io") domain = "docker.io";
            if (domain == "docker.io" && path.IndexOf('/') < 0) path = "library/" + path;
            result = new ImageReference(domain, path, tag, digest);
            return true;
        }

        /// <summary>The normalised full string: <c>docker.io/library/alpine:latest</c>, with <c>@digest</c> when given.</summary>
        public override string ToString() =>
            Repository + (Tag is not null ? ":" + Tag : Digest is null ? ":latest" : string.Empty) + (Digest is not null ? "@" + Digest : string.Empty);

        public bool Equals(ImageReference? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);
        public override bool Equals(object? obj) => Equals(obj as ImageReference);
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
    }
}
