using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>A network in an engine (LIST, INSPECT and CREATE of NETWORK).</summary>
    public sealed class OciNetwork
    {
        /// <summary>The network id (64 hex digits).</summary>
        public string Id { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        /// <summary>The network driver (<c>bridge</c>, <c>macvlan</c>, ...).</summary>
        public string Driver { get; init; } = string.Empty;

        public string? Scope { get; init; }

        /// <summary>True when containers on it cannot reach outside it.</summary>
        public bool Internal { get; init; }

        public bool EnableIPv6 { get; init; }

        /// <summary>The subnets of its address pool (<c>10.89.0.0/24</c>).</summary>
        public IReadOnlyList<string> Subnets { get; init; } = Array.Empty<string>();

        /// <summary>The gateways of its address pool, where the engine set one.</summary>
        public IReadOnlyList<string> Gateways { get; init; } = Array.Empty<string>();

        public DateTimeOffset? Created { get; init; }

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

        /// <summary>The driver's options.</summary>
        public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

        /// <summary>The ids of the containers attached (known from INSPECT; LIST does not say).</summary>
        public IReadOnlyList<string> Containers { get; init; } = Array.Empty<string>();

        /// <summary>The id cut to 12 characters, as <c>docker network ls</c> shows it.</summary>
        public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;

        public override string ToString() => Name;
    }
}
