using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>Options of LIST on networks (parameters <c>labels</c>, <c>driver</c>); the target, if any, filters by name (a substring, as the engine matches it).</summary>
    public sealed class OciNetworkListOptions
    {
        /// <summary>Only networks with every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>Only networks of this driver.</summary>
        public string? Driver { get; set; }
    }

    /// <summary>Options of CREATE on networks (parameters <c>driver</c>, <c>internal</c>, <c>subnet</c>, <c>gateway</c>, <c>enableIPv6</c>, <c>labels</c>, <c>options</c>); the target is the name.</summary>
    public sealed class OciNetworkCreateOptions
    {
        /// <summary>The network driver; null = the engine's default (<c>bridge</c>).</summary>
        public string? Driver { get; set; }

        /// <summary>Containers on it cannot reach outside it.</summary>
        public bool Internal { get; set; }

        /// <summary>The subnet in CIDR form (<c>10.89.3.0/24</c>); null = the engine picks one.</summary>
        public string? Subnet { get; set; }

        /// <summary>The gateway inside <see cref="Subnet"/>; null = the engine picks one.</summary>
        public string? Gateway { get; set; }

        public bool EnableIPv6 { get; set; }

        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>The driver's options (for <c>bridge</c>: <c>com.docker.network.bridge.name</c>, ...).</summary>
        public IReadOnlyDictionary<string, string> Options { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>Options of PRUNE on networks (parameters <c>until</c>, <c>labels</c>, <c>dryRun</c>): removes the networks no container uses.</summary>
    public sealed class OciNetworkPruneOptions
    {
        /// <summary>Only networks created before this time.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>Only networks with every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>Remove nothing: answer the networks that would go.</summary>
        public bool DryRun { get; set; }
    }
}
