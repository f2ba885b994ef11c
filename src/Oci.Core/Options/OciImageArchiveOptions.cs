using System;
using System.Collections.Generic;
using System.IO;

namespace Oci
{
    /// <summary>
    /// Options of SAVE on images (parameters <c>references</c>, <c>path</c>, <c>destination</c>): the images (the request's
    /// target and these) go into one tar archive, streamed to the file <c>path</c> or to the stream <c>destination</c>.
    /// </summary>
    public sealed class OciImageSaveOptions
    {
        /// <summary>More images to put in the archive beside the target (references or ids).</summary>
        public IReadOnlyList<string> References { get; set; } = Array.Empty<string>();

        /// <summary>The file to write (replaced if it exists; removed again if the save fails).</summary>
        public string? Path { get; set; }

        /// <summary>A writable stream to copy the archive to instead of a file (left open).</summary>
        public Stream? Destination { get; set; }
    }

    /// <summary>Options of LOAD on images (parameters <c>path</c>, <c>source</c>): a tar archive of <c>docker save</c>'s format, from a file or a stream.</summary>
    public sealed class OciImageLoadOptions
    {
        /// <summary>The archive file to load.</summary>
        public string? Path { get; set; }

        /// <summary>A readable stream of the archive instead of a file (left open).</summary>
        public Stream? Source { get; set; }
    }
}
