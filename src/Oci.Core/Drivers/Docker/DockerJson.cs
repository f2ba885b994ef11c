using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Oci.Drivers.Docker
{
    // The parts of the Docker Engine API's answers Oci reads (and Podman's libpod, where it matches), parsed by
    // System.Text.Json's source generator: no reflection, and nothing read that is not used.

    internal sealed class VersionDto
    {
        public string? Version { get; set; }
        public string? ApiVersion { get; set; }
        public string? MinAPIVersion { get; set; }
        public string? Os { get; set; }
        public string? Arch { get; set; }
        public string? KernelVersion { get; set; }
        public string? GitCommit { get; set; }
        public string? GoVersion { get; set; }
    }

    internal sealed class InfoDto
    {
        public string? Name { get; set; }
        public string? ServerVersion { get; set; }
        public string? OperatingSystem { get; set; }
        public string? OSType { get; set; }
        public string? Architecture { get; set; }
        public string? KernelVersion { get; set; }
        public long NCPU { get; set; }
        public long MemTotal { get; set; }
        public long Images { get; set; }
        public long Containers { get; set; }
        public long ContainersRunning { get; set; }
        public string? Driver { get; set; }
        public string? CgroupDriver { get; set; }
        public string? DockerRootDir { get; set; }
    }

    /// <summary>An entry of <c>GET /images/json</c> (<c>Created</c> in Unix seconds).</summary>
    internal sealed class ImageSummaryDto
    {
        public string? Id { get; set; }
        public List<string>? RepoTags { get; set; }
        public List<string>? RepoDigests { get; set; }
        public long Size { get; set; }
        public long Created { get; set; }
    }

    /// <summary><c>GET /images/{name}/json</c> (<c>Created</c> in RFC 3339); libpod's answer adds the manifest <c>Digest</c>.</summary>
    internal sealed class ImageInspectDto
    {
        public string? Id { get; set; }
        public List<string>? RepoTags { get; set; }
        public List<string>? RepoDigests { get; set; }
        public long Size { get; set; }
        public string? Created { get; set; }
        public string? Os { get; set; }
        public string? Architecture { get; set; }
        public string? Digest { get; set; }
    }

    /// <summary>An entry of <c>DELETE /images/{name}</c>'s answer.</summary>
    internal sealed class ImageDeleteDto
    {
        public string? Untagged { get; set; }
        public string? Deleted { get; set; }
    }

    /// <summary>One line of a JSON progress stream (pull, push, load).</summary>
    internal sealed class JsonMessageDto
    {
        public string? Status { get; set; }
        public string? Id { get; set; }
        public ProgressDetailDto? ProgressDetail { get; set; }
        public string? Error { get; set; }
        public ErrorDetailDto? ErrorDetail { get; set; }
    }

    internal sealed class ProgressDetailDto
    {
        public long Current { get; set; }
        public long Total { get; set; }
    }

    internal sealed class ErrorDetailDto
    {
        public long Code { get; set; }
        public string? Message { get; set; }
    }

    /// <summary>An engine's error body: Docker's <c>{"message"}</c>, Podman's <c>{"cause","message","response"}</c>.</summary>
    internal sealed class ErrorDto
    {
        public string? Message { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(VersionDto))]
    [JsonSerializable(typeof(InfoDto))]
    [JsonSerializable(typeof(List<ImageSummaryDto>))]
    [JsonSerializable(typeof(ImageInspectDto))]
    [JsonSerializable(typeof(List<ImageDeleteDto>))]
    [JsonSerializable(typeof(JsonMessageDto))]
    [JsonSerializable(typeof(ErrorDto))]
    [JsonSerializable(typeof(Dictionary<string, Dictionary<string, bool>>))]
    internal sealed partial class DockerJson : JsonSerializerContext
    {
    }
}
