using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>A volume in an engine (LIST, INSPECT and CREATE of VOLUME).</summary>
    public sealed class OciVolume
    {
        public string Name { get; init; } = string.Empty;

        /// <summary>The volume driver (<c>local</c>).</summary>
        public string Driver { get; init; } = string.Empty;

        /// <summary>Where the engine keeps the volume's data on its host.</summary>
        public string? Mountpoint { get; init; }

        public DateTimeOffset? Created { get; init; }

        /// <summary><c>local</c> or <c>global</c>.</summary>
        public string? Scope { get; init; }

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

        /// <summary>The driver's options the volume was created with.</summary>
        public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

        public override string ToString() => Name;
    }
}
