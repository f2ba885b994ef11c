using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>Options of LIST on volumes (parameters <c>labels</c>, <c>dangling</c>, <c>driver</c>); the target, if any, filters by name (a substring, as the engine matches it).</summary>
    public sealed class OciVolumeListOptions
    {
        /// <summary>Only volumes with every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>True: only volumes no container uses; false: only those in use; null: both.</summary>
        public bool? Dangling { get; set; }

        /// <summary>Only volumes of this driver.</summary>
        public string? Driver { get; set; }
    }

    /// <summary>Options of CREATE on volumes (parameters <c>driver</c>, <c>driverOptions</c>, <c>labels</c>); the target is the name (none: the engine picks one).</summary>
    public sealed class OciVolumeCreateOptions
    {
        /// <summary>The volume driver; null = <c>local</c>.</summary>
        public string? Driver { get; set; }

        /// <summary>The driver's options (for <c>local</c>: <c>type</c>, <c>device</c>, <c>o</c>).</summary>
        public IReadOnlyDictionary<string, string> DriverOptions { get; set; } = new Dictionary<string, string>();

        public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>Options of REMOVE on volumes (parameter <c>force</c>).</summary>
    public sealed class OciVolumeRemoveOptions
    {
        /// <summary>Remove the volume even when a (stopped) container uses it.</summary>
        public bool Force { get; set; }
    }

    /// <summary>Options of PRUNE on volumes (parameters <c>labels</c>, <c>dryRun</c>): removes the volumes no container uses.</summary>
    public sealed class OciVolumePruneOptions
    {
        /// <summary>Only volumes with every one of these labels: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string> Labels { get; set; } = Array.Empty<string>();

        /// <summary>Remove nothing: answer the volumes that would go.</summary>
        public bool DryRun { get; set; }
    }
}
