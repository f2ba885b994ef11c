using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Oci.Drivers.Podman
{
    // The parts of libpod's container answers the podman driver reads where the compatible API says less.

    /// <summary><c>GET /libpod/containers/{id}/json</c>: the OCI bundle's config path and the runtime annotations.</summary>
    internal sealed class LibpodContainerInspectDto
    {
        public string? OCIConfigPath { get; set; }
        public LibpodContainerConfigDto? Config { get; set; }
    }

    internal sealed class LibpodContainerConfigDto
    {
        public Dictionary<string, string>? Annotations { get; set; }
    }

    /// <summary><c>GET /libpod/containers/stats?stream=false</c>.</summary>
    internal sealed class LibpodStatsReportDto
    {
        public LibpodErrorDto? Error { get; set; }
        public List<LibpodStatsDto>? Stats { get; set; }
    }

    internal sealed class LibpodErrorDto
    {
        public string? Message { get; set; }
    }

    internal sealed class LibpodStatsDto
    {
        public string? ContainerID { get; set; }
        public string? Name { get; set; }
        public double CPU { get; set; }
        public ulong MemUsage { get; set; }
        public ulong MemLimit { get; set; }
        public ulong NetInput { get; set; }
        public ulong NetOutput { get; set; }
        public ulong BlockInput { get; set; }
        public ulong BlockOutput { get; set; }
        public ulong PIDs { get; set; }
        public ulong UpTime { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(LibpodContainerInspectDto))]
    [JsonSerializable(typeof(LibpodStatsReportDto))]
    [JsonSerializable(typeof(int))]
    internal sealed partial class PodmanContainerJson : JsonSerializerContext
    {
    }
}
