using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Oci.Drivers.Docker
{
    // The Docker Engine API's container answers and requests Oci reads and writes (Podman's compatible API answers
    // the same), in a source-generated context of their own beside DockerJson.

    /// <summary><c>GET /containers/{id}/json</c>.</summary>
    internal sealed class ContainerInspectDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Image { get; set; }
        public string? Path { get; set; }
        public List<string>? Args { get; set; }
        public string? Created { get; set; }
        public int RestartCount { get; set; }
        public ContainerStateDto? State { get; set; }
        public ContainerConfigDto? Config { get; set; }
        public HostConfigDto? HostConfig { get; set; }
        public List<MountPointDto>? Mounts { get; set; }
    }

    internal sealed class ContainerStateDto
    {
        public string? Status { get; set; }
        public bool Running { get; set; }
        public bool Paused { get; set; }
        public int Pid { get; set; }
        public int ExitCode { get; set; }
        public string? StartedAt { get; set; }
        public string? FinishedAt { get; set; }
    }

    /// <summary>A container's config, as inspected and as sent to <c>POST /containers/create</c> (with the host config).</summary>
    internal sealed class ContainerConfigDto
    {
        public string? Image { get; set; }
        public List<string>? Cmd { get; set; }
        public List<string>? Entrypoint { get; set; }
        public List<string>? Env { get; set; }
        public Dictionary<string, string>? Labels { get; set; }
        public string? WorkingDir { get; set; }
        public string? User { get; set; }
        public bool Tty { get; set; }
        public Dictionary<string, EmptyDto>? ExposedPorts { get; set; }
        public HostConfigDto? HostConfig { get; set; }
    }

    internal sealed class EmptyDto
    {
    }

    internal sealed class HostConfigDto
    {
        public string? NetworkMode { get; set; }
        public bool AutoRemove { get; set; }
        public RestartPolicyDto? RestartPolicy { get; set; }
        public long Memory { get; set; }
        public long NanoCpus { get; set; }
        public List<MountDto>? Mounts { get; set; }
        public Dictionary<string, string>? Tmpfs { get; set; }
        public Dictionary<string, List<PortBindingDto>?>? PortBindings { get; set; }
        public Dictionary<string, string>? Annotations { get; set; }
    }

    internal sealed class RestartPolicyDto
    {
        public string? Name { get; set; }
        public int MaximumRetryCount { get; set; }
    }

    /// <summary>A mount as asked for (<c>HostConfig.Mounts</c>).</summary>
    internal sealed class MountDto
    {
        public string? Type { get; set; }
        public string? Source { get; set; }
        public string? Target { get; set; }
        public bool ReadOnly { get; set; }
    }

    /// <summary>A mount as the container has it (<c>Mounts</c> of an inspect answer).</summary>
    internal sealed class MountPointDto
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public string? Source { get; set; }
        public string? Destination { get; set; }
        public bool RW { get; set; }
    }

    internal sealed class PortBindingDto
    {
        public string? HostIp { get; set; }
        public string? HostPort { get; set; }
    }

    /// <summary>An entry of <c>GET /containers/json</c>: only the id is read (the rest comes from inspecting it).</summary>
    internal sealed class ContainerSummaryDto
    {
        public string? Id { get; set; }
        public string? ImageID { get; set; }
    }

    /// <summary>The answer of <c>POST /containers/create</c> and <c>POST /containers/{id}/exec</c>.</summary>
    internal sealed class IdResponseDto
    {
        public string? Id { get; set; }
        public List<string>? Warnings { get; set; }
    }

    internal sealed class WaitResponseDto
    {
        public int StatusCode { get; set; }
        public WaitErrorDto? Error { get; set; }
    }

    internal sealed class WaitErrorDto
    {
        public string? Message { get; set; }
    }

    internal sealed class ExecCreateDto
    {
        public bool AttachStdin { get; set; }
        public bool AttachStdout { get; set; } = true;
        public bool AttachStderr { get; set; } = true;
        public bool Tty { get; set; }
        public List<string>? Cmd { get; set; }
        public List<string>? Env { get; set; }
        public string? User { get; set; }
        public string? WorkingDir { get; set; }
    }

    internal sealed class ExecStartDto
    {
        public bool Detach { get; set; }
        public bool Tty { get; set; }
    }

    internal sealed class ExecInspectDto
    {
        public string? ContainerID { get; set; }
        public bool Running { get; set; }
        public int? ExitCode { get; set; }
    }

    /// <summary>The <c>X-Docker-Container-Path-Stat</c> header of <c>HEAD /containers/{id}/archive</c> (base64 JSON).</summary>
    internal sealed class PathStatDto
    {
        public string? Name { get; set; }
        public long Size { get; set; }
        public uint Mode { get; set; }
    }

    /// <summary><c>GET /containers/{id}/stats?stream=false</c>.</summary>
    internal sealed class StatsDto
    {
        public string? Read { get; set; }
        public string? Name { get; set; }
        public string? Id { get; set; }
        [JsonPropertyName("cpu_stats")] public CpuStatsDto? CpuStats { get; set; }
        [JsonPropertyName("precpu_stats")] public CpuStatsDto? PreCpuStats { get; set; }
        [JsonPropertyName("memory_stats")] public MemoryStatsDto? MemoryStats { get; set; }
        [JsonPropertyName("pids_stats")] public PidsStatsDto? PidsStats { get; set; }
        [JsonPropertyName("blkio_stats")] public BlkioStatsDto? BlkioStats { get; set; }
        public Dictionary<string, NetworkStatsDto>? Networks { get; set; }
    }

    internal sealed class CpuStatsDto
    {
        [JsonPropertyName("cpu_usage")] public CpuUsageDto? CpuUsage { get; set; }
        [JsonPropertyName("system_cpu_usage")] public ulong SystemCpuUsage { get; set; }
        [JsonPropertyName("online_cpus")] public uint OnlineCpus { get; set; }
    }

    internal sealed class CpuUsageDto
    {
        [JsonPropertyName("total_usage")] public ulong TotalUsage { get; set; }
        [JsonPropertyName("percpu_usage")] public List<ulong>? PercpuUsage { get; set; }
    }

    internal sealed class MemoryStatsDto
    {
        public ulong Usage { get; set; }
        public ulong Limit { get; set; }
        public Dictionary<string, ulong>? Stats { get; set; }
    }

    internal sealed class PidsStatsDto
    {
        public ulong Current { get; set; }
    }

    internal sealed class BlkioStatsDto
    {
        [JsonPropertyName("io_service_bytes_recursive")] public List<BlkioEntryDto>? IoServiceBytesRecursive { get; set; }
    }

    internal sealed class BlkioEntryDto
    {
        public string? Op { get; set; }
        public ulong Value { get; set; }
    }

    internal sealed class NetworkStatsDto
    {
        [JsonPropertyName("rx_bytes")] public ulong RxBytes { get; set; }
        [JsonPropertyName("tx_bytes")] public ulong TxBytes { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ContainerInspectDto))]
    [JsonSerializable(typeof(ContainerConfigDto))]
    [JsonSerializable(typeof(List<ContainerSummaryDto>))]
    [JsonSerializable(typeof(IdResponseDto))]
    [JsonSerializable(typeof(WaitResponseDto))]
    [JsonSerializable(typeof(ExecCreateDto))]
    [JsonSerializable(typeof(ExecStartDto))]
    [JsonSerializable(typeof(ExecInspectDto))]
    [JsonSerializable(typeof(PathStatDto))]
    [JsonSerializable(typeof(StatsDto))]
    [JsonSerializable(typeof(Dictionary<string, List<string>>))]
    internal sealed partial class DockerContainerJson : JsonSerializerContext
    {
    }
}
