using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>What SAVE wrote: the archive's file (null when written to a caller's stream), its size and the images in it.</summary>
    public sealed class OciImageArchive
    {
        public string? Path { get; init; }

        /// <summary>The archive's bytes.</summary>
        public long Size { get; init; }

        /// <summary>The images saved, as asked for (normalised references, or ids).</summary>
        public IReadOnlyList<string> Images { get; init; } = Array.Empty<string>();

        public override string ToString() => $"{Path ?? "(stream)"}: {Images.Count} image(s), {Size} bytes";
    }
}
