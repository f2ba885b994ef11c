using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>What REMOVE did: the tags it untagged and the image layers it deleted.</summary>
    public sealed class OciImageRemoval
    {
        public IReadOnlyList<string> Untagged { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Deleted { get; init; } = Array.Empty<string>();

        public override string ToString() => $"Untagged {Untagged.Count}, deleted {Deleted.Count}";
    }
}
