namespace Oci
{
    /// <summary>System-wide information about the engine (INFO).</summary>
    public sealed class OciEngineInfo
    {
        public string Engine { get; init; } = string.Empty;
        public string? Name { get; init; }
        public string? ServerVersion { get; init; }
        public string? OperatingSystem { get; init; }
        public string? OsType { get; init; }
        public string? Architecture { get; init; }
        public string? KernelVersion { get; init; }
        public long Cpus { get; init; }
        public long MemoryBytes { get; init; }
        public long Images { get; init; }
        public long Containers { get; init; }
        public long ContainersRunning { get; init; }
        public string? StorageDriver { get; init; }
        public string? CgroupDriver { get; init; }
        public string? RootDirectory { get; init; }

        public override string ToString() => $"{Engine} {ServerVersion} on {Name}";
    }
}
