using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oci.Drivers.Docker
{
    // The Docker API's answers about image history, push, load, prune, volumes, networks, events and disk use (and
    // Podman's compatible ones, which match), in a source-generated context of their own (a context cannot be split
    // across partial declarations).

    /// <summary>An entry of <c>GET /images/{name}/history</c> (<c>Created</c> in Unix seconds).</summary>
    internal sealed class ImageHistoryDto
    {
        public string? Id { get; set; }
        public long Created { get; set; }
        public string? CreatedBy { get; set; }
        public List<string>? Tags { get; set; }
        public long Size { get; set; }
        public string? Comment { get; set; }
    }

    /// <summary>One line of a push or load stream: the progress fields, plus load's <c>stream</c> text and push's <c>aux</c> digest.</summary>
    internal sealed class ArchiveMessageDto
    {
        public string? Status { get; set; }
        public string? Id { get; set; }
        public ProgressDetailDto? ProgressDetail { get; set; }
        public string? Error { get; set; }
        public ErrorDetailDto? ErrorDetail { get; set; }
        public string? Stream { get; set; }
        public PushAuxDto? Aux { get; set; }
    }

    internal sealed class PushAuxDto
    {
        public string? Tag { get; set; }
        public string? Digest { get; set; }
        public long Size { get; set; }
    }

    /// <summary><c>POST /images/prune</c>.</summary>
    internal sealed class ImagePruneDto
    {
        public List<ImageDeleteDto>? ImagesDeleted { get; set; }
        public long SpaceReclaimed { get; set; }
    }

    /// <summary><c>POST /auth</c>: the request and the answer.</summary>
    internal sealed class AuthRequestDto
    {
        [JsonPropertyName("username")] public string? Username { get; set; }
        [JsonPropertyName("password")] public string? Password { get; set; }
        [JsonPropertyName("identitytoken")] public string? IdentityToken { get; set; }
        [JsonPropertyName("serveraddress")] public string? ServerAddress { get; set; }
    }

    internal sealed class AuthResponseDto
    {
        public string? Status { get; set; }
        public string? IdentityToken { get; set; }
    }

    internal sealed class VolumeDto
    {
        public string? Name { get; set; }
        public string? Driver { get; set; }
        public string? Mountpoint { get; set; }
        public string? CreatedAt { get; set; }
        public string? Scope { get; set; }
        public Dictionary<string, string>? Labels { get; set; }
        public Dictionary<string, string>? Options { get; set; }
        public VolumeUsageDto? UsageData { get; set; }
    }

    internal sealed class VolumeUsageDto
    {
        public long Size { get; set; }
        public long RefCount { get; set; }
    }

    internal sealed class VolumeListDto
    {
        public List<VolumeDto>? Volumes { get; set; }
        public List<string>? Warnings { get; set; }
    }

    internal sealed class VolumeCreateDto
    {
        public string? Name { get; set; }
        public string? Driver { get; set; }
        public Dictionary<string, string>? DriverOpts { get; set; }
        public Dictionary<string, string>? Labels { get; set; }
    }

    internal sealed class VolumePruneDto
    {
        public List<string>? VolumesDeleted { get; set; }
        public long SpaceReclaimed { get; set; }
    }

    internal sealed class NetworkDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Driver { get; set; }
        public string? Scope { get; set; }
        public bool Internal { get; set; }
        public bool EnableIPv6 { get; set; }
        public string? Created { get; set; }
        public IpamDto? IPAM { get; set; }
        public Dictionary<string, string>? Labels { get; set; }
        public Dictionary<string, string>? Options { get; set; }
        public Dictionary<string, JsonElement>? Containers { get; set; }
    }

    internal sealed class IpamDto
    {
        public string? Driver { get; set; }
        public List<IpamConfigDto>? Config { get; set; }
    }

    internal sealed class IpamConfigDto
    {
        public string? Subnet { get; set; }
        public string? Gateway { get; set; }
    }

    internal sealed class NetworkCreateDto
    {
        public string? Name { get; set; }
        public string? Driver { get; set; }
        public bool Internal { get; set; }
        public bool EnableIPv6 { get; set; }
        public bool CheckDuplicate { get; set; }
        public IpamDto? IPAM { get; set; }
        public Dictionary<string, string>? Labels { get; set; }
        public Dictionary<string, string>? Options { get; set; }
    }

    internal sealed class NetworkCreatedDto
    {
        public string? Id { get; set; }
        public string? Warning { get; set; }
    }

    internal sealed class NetworkPruneDto
    {
        public List<string>? NetworksDeleted { get; set; }
    }

    /// <summary>An entry of <c>GET /containers/json</c>: only what prune's dry run needs (which images are in use).</summary>
    internal sealed class ContainerUseDto
    {
        public string? Id { get; set; }
        public string? ImageID { get; set; }
        public string? State { get; set; }
        public long SizeRw { get; set; }
        public List<MountUseDto>? Mounts { get; set; }
    }

    internal sealed class MountUseDto
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
    }

    /// <summary>An entry of libpod's <c>POST /images/prune</c> (Podman).</summary>
    internal sealed class LibpodPruneDto
    {
        public string? Id { get; set; }
        public long Size { get; set; }
        public string? Err { get; set; }
    }

    internal sealed class EventDto
    {
        public string? Type { get; set; }
        public string? Action { get; set; }
        public string? Status { get; set; }
        public string? Id { get; set; }
        public EventActorDto? Actor { get; set; }
        [JsonPropertyName("scope")] public string? Scope { get; set; }
        [JsonPropertyName("time")] public long Time { get; set; }
        [JsonPropertyName("timeNano")] public long TimeNano { get; set; }
    }

    internal sealed class EventActorDto
    {
        public string? ID { get; set; }
        public Dictionary<string, string>? Attributes { get; set; }
    }

    internal sealed class DiskUsageDto
    {
        public long LayersSize { get; set; }
        public List<DiskUsageImageDto>? Images { get; set; }
        public List<ContainerUseDto>? Containers { get; set; }
        public List<VolumeDto>? Volumes { get; set; }
        public List<BuildCacheDto>? BuildCache { get; set; }
    }

    internal sealed class DiskUsageImageDto
    {
        public string? Id { get; set; }
        public long Size { get; set; }
        public long SharedSize { get; set; }
        public long Containers { get; set; }
    }

    internal sealed class BuildCacheDto
    {
        public long Size { get; set; }
        public bool InUse { get; set; }
        public bool Shared { get; set; }
    }

    [JsonSerializable(typeof(List<ImageHistoryDto>))]
    [JsonSerializable(typeof(ArchiveMessageDto))]
    [JsonSerializable(typeof(ImagePruneDto))]
    [JsonSerializable(typeof(AuthRequestDto))]
    [JsonSerializable(typeof(AuthResponseDto))]
    [JsonSerializable(typeof(VolumeDto))]
    [JsonSerializable(typeof(VolumeListDto))]
    [JsonSerializable(typeof(VolumeCreateDto))]
    [JsonSerializable(typeof(VolumePruneDto))]
    [JsonSerializable(typeof(NetworkDto))]
    [JsonSerializable(typeof(List<NetworkDto>))]
    [JsonSerializable(typeof(NetworkCreateDto))]
    [JsonSerializable(typeof(NetworkCreatedDto))]
    [JsonSerializable(typeof(NetworkPruneDto))]
    [JsonSerializable(typeof(List<ContainerUseDto>))]
    [JsonSerializable(typeof(List<LibpodPruneDto>))]
    [JsonSerializable(typeof(EventDto))]
    [JsonSerializable(typeof(DiskUsageDto))]
    [JsonSerializable(typeof(Dictionary<string, List<string>>))]
    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    internal sealed partial class DockerObjectJson : JsonSerializerContext
    {
    }
}
