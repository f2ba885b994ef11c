using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>One step of an image's history (HISTORY), newest first, as <c>docker history</c> shows it.</summary>
    public sealed class OciImageHistory
    {
        /// <summary>The image id of this step (<c>sha256:…</c>), or <c>&lt;missing&gt;</c> for a step built elsewhere.</summary>
        public string Id { get; init; } = string.Empty;

        public DateTimeOffset? Created { get; init; }

        /// <summary>The instruction that made this step.</summary>
        public string CreatedBy { get; init; } = string.Empty;

        /// <summary>The tags that point at this step.</summary>
        public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

        /// <summary>The bytes this step added.</summary>
        public long Size { get; init; }

        public string Comment { get; init; } = string.Empty;

        public override string ToString() => $"{Id} {CreatedBy}".Trim();
    }
}
