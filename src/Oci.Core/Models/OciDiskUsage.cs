namespace Oci
{
    /// <summary>One row of the engine's disk use (DF), as <c>docker system df</c> shows it: images, containers, local volumes or the build cache.</summary>
    public sealed class OciDiskUsage
    {
        /// <summary><c>Images</c>, <c>Containers</c>, <c>Volumes</c> or <c>BuildCache</c>.</summary>
        public string Type { get; init; } = string.Empty;

        /// <summary>How many there are.</summary>
        public long Total { get; init; }

        /// <summary>How many are in use (images used by a container, running containers, volumes mounted, cache in use).</summary>
        public long Active { get; init; }

        /// <summary>The bytes they take.</summary>
        public long Size { get; init; }

        /// <summary>The bytes a prune of what is not in use would free.</summary>
        public long Reclaimable { get; init; }

        public override string ToString() => $"{Type}: {Total} ({Active} active), {Size} bytes, {Reclaimable} reclaimable";
    }
}
