using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>An image in an engine's store.</summary>
    public sealed class OciImage
    {
        /// <summary>The image id (<c>sha256:...</c>).</summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The reference the image was asked for, normalised; otherwise its first tag.</summary>
        public string? Reference { get; init; }

        /// <summary>The registry manifest digest (<c>sha256:...</c>) for <see cref="Reference"/>'s repository, when known.</summary>
        public string? Digest { get; init; }

        /// <summary>The image's tags (<c>name:tag</c>).</summary>
        public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

        /// <summary>The image's repository digests (<c>name@sha256:...</c>).</summary>
        public IReadOnlyList<string> Digests { get; init; } = Array.Empty<string>();

        /// <summary>Size in bytes.</summary>
        public long Size { get; init; }

        public DateTimeOffset? Created { get; init; }

        public string? Os { get; init; }

        public string? Architecture { get; init; }

        /// <summary>The id without its <c>sha256:</c> prefix, cut to 12 characters, as <c>docker images</c> shows it.</summary>
        public string ShortId
        {
            get
            {
                var id = Id.StartsWith("sha256:", StringComparison.Ordinal) ? Id.Substring(7) : Id;
                return id.Length > 12 ? id.Substring(0, 12) : id;
            }
        }

        public override string ToString() => Reference ?? ShortId;
    }
}
