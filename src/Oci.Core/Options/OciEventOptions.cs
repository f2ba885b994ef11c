using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// Options of EVENTS (parameters <c>since</c>, <c>until</c>, <c>types</c>, <c>actions</c>, <c>labels</c>, <c>filters</c>).
    /// Without <c>until</c> the stream follows the engine until the caller stops reading; with it, it ends there.
    /// </summary>
    public sealed class OciEventOptions
    {
        /// <summary>Events from this time on (past events are replayed); null = from now.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Events up to this time, then the stream ends; null = follow.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>Only events about these types (<c>container</c>, <c>image</c>, <c>volume</c>, <c>network</c>).</summary>
        public IReadOnlyList<string> Types { get; set; } = Array.Empty<string>();

        /// <summary>Only these actions (<c>create</c>, <c>start</c>, <c>die</c>, ...).</summary>
        public IReadOnlyList<string> Actions { get; set; } = Array.Empty<string>();

        /// <summary>Only events whose actor has every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>Any other filter of the engine's (<c>container</c>, <c>image</c>, <c>volume</c>, <c>network</c>): key → values.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; set; } = new Dictionary<string, IReadOnlyList<string>>();
    }
}
