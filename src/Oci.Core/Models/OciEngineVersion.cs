namespace Oci
{
    /// <summary>The engine's version report (VERSION).</summary>
    public sealed class OciEngineVersion
    {
        public string Engine { get; init; } = string.Empty;
        public string Version { get; init; } = string.Empty;
        public string ApiVersion { get; init; } = string.Empty;
        public string? MinApiVersion { get; init; }
        public string? Os { get; init; }
        public string? Architecture { get; init; }
        public string? KernelVersion { get; init; }
        public string? GitCommit { get; init; }
        public string? GoVersion { get; init; }

        public override string ToString() => $"{Engine} {Version} (API {ApiVersion})";
    }
}
