using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// Options of LIST on images (parameters <c>all</c>, <c>dangling</c>, <c>labels</c>, <c>before</c>, <c>since</c>); the
    /// request's target, if any, filters by reference (wildcards allowed).
    /// </summary>
    public sealed class OciImageListOptions
    {
        /// <summary>Include intermediate images.</summary>
        public bool All { get; set; }

        /// <summary>True: only untagged images; false: only tagged ones; null: both.</summary>
        public bool? Dangling { get; set; }

        /// <summary>Only images with every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>Only images created before this image (a reference or id).</summary>
        public string? Before { get; set; }

        /// <summary>Only images created after this image (a reference or id).</summary>
        public string? Since { get; set; }
    }
}
