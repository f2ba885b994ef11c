using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// What PRUNE removed (or, for a dry run, would remove): the images, volumes or networks deleted, the tags untagged,
    /// and the bytes reclaimed (for a dry run, the sum of the candidates' sizes: an upper bound, as layers may be shared).
    /// </summary>
    public sealed class OciPruneResult
    {
        /// <summary>What was pruned.</summary>
        public OciKind Kind { get; init; }

        /// <summary>True when nothing was removed: the answer lists the candidates (<c>DryRun</c>).</summary>
        public bool DryRun { get; init; }

        /// <summary>Image ids (<c>sha256:…</c>), volume names or network names removed (or that would be).</summary>
        public IReadOnlyList<string> Deleted { get; init; } = Array.Empty<string>();

        /// <summary>The tags removed with the images (images only).</summary>
        public IReadOnlyList<string> Untagged { get; init; } = Array.Empty<string>();

        /// <summary>Bytes freed (for a dry run, an estimate).</summary>
        public long SpaceReclaimed { get; init; }

        public override string ToString() =>
            $"{(DryRun ? "Would prune" : "Pruned")} {Deleted.Count} {Kind.ToString().ToLowerInvariant()}(s), {SpaceReclaimed} bytes";
    }
}
