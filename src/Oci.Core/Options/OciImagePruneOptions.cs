using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>Options of PRUNE on images (parameters <c>all</c>, <c>until</c>, <c>labels</c>, <c>dryRun</c>).</summary>
    public sealed class OciImagePruneOptions
    {
        /// <summary>Prune every image no container uses, not only the dangling (untagged) ones.</summary>
        public bool All { get; set; }

        /// <summary>Only images created before this time.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>Only images with every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>Remove nothing: answer the images that would go.</summary>
        public bool DryRun { get; set; }
    }
}
