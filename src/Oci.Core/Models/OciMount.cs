namespace Oci
{
    /// <summary>The kinds of mount a container can have.</summary>
    public enum OciMountType
    {
        /// <summary>A host path (<see cref="OciMount.Source"/>) mounted into the container.</summary>
        Bind,
        /// <summary>A named volume (<see cref="OciMount.Source"/>; created when missing).</summary>
        Volume,
        /// <summary>An in-memory file system (no source).</summary>
        Tmpfs,
    }

    /// <summary>A mount of a container: asked for in <see cref="OciContainerSpec.Mounts"/>, reported in <see cref="OciContainer.Mounts"/>.</summary>
    public sealed class OciMount
    {
        public OciMountType Type { get; set; }

        /// <summary>The host path (bind) or volume name (volume); none for tmpfs.</summary>
        public string? Source { get; set; }

        /// <summary>The absolute path in the container.</summary>
        public string Target { get; set; } = string.Empty;

        public bool ReadOnly { get; set; }

        public override string ToString() =>
            (Source is null ? Type.ToString().ToLowerInvariant() : Source) + ":" + Target + (ReadOnly ? ":ro" : string.Empty);
    }
}
