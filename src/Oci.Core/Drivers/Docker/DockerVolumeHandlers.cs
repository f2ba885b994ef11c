using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>LIST, INSPECT, CREATE and REMOVE of volumes.</summary>
    internal static class DockerVolumeHandlers
    {
        public static async Task<OciResponse> ListAsync(DockerConnection c, OciRequest request, OciVolumeListOptions options, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request, required: false);
            var volumes = await ListAsync(c, name.Length == 0 ? null : name, options, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, volumes, target: request.Target ?? c.Endpoint.ToString());
        }

        internal static async Task<OciVolume[]> ListAsync(DockerConnection c, string? name, OciVolumeListOptions options, CancellationToken cancellationToken)
        {
            var filters = new DockerFilters().Add("name", name).Labels(options.Labels).Bool("dangling", options.Dangling).Word("driver", options.Driver);
            var r = await c.Http.GetJsonAsync("volumes" + filters.Query("?"), DockerObjectJson.Default.VolumeListDto, cancellationToken).ConfigureAwait(false);
            return (r.Volumes ?? new List<VolumeDto>()).Select(ToVolume).OrderBy(v => v.Name, StringComparer.Ordinal).ToArray();
        }

        public static async Task<OciResponse> InspectAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request);
            var v = await c.Http.GetJsonAsync("volumes/" + name, DockerObjectJson.Default.VolumeDto, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, ToVolume(v), target: name);
        }

        /// <summary>CREATE: a volume of that name (an existing one of the same name and driver is answered as it is, as the engines do).</summary>
        public static async Task<OciResponse> CreateAsync(DockerConnection c, OciRequest request, OciVolumeCreateOptions options, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request, required: false);
            if (options.Driver is not null) DockerFilters.CheckWord(options.Driver, "driver");
            var body = new VolumeCreateDto
            {
                Name = name.Length == 0 ? null : name,
                Driver = options.Driver,
                DriverOpts = Copy(options.DriverOptions),
                Labels = Copy(options.Labels),
            };
            var v = await c.Http.SendJsonAsync(HttpMethod.Post, "volumes/create", EngineHttp.Json(body, DockerObjectJson.Default.VolumeCreateDto), null, DockerObjectJson.Default.VolumeDto, cancellationToken).ConfigureAwait(false);
            var volume = ToVolume(v);
            return OciResponse.For(request, volume, "Created", target: volume.Name);
        }

        public static async Task<OciResponse> RemoveAsync(DockerConnection c, OciRequest request, OciVolumeRemoveOptions options, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request);
            await c.Http.SendAsync(HttpMethod.Delete, "volumes/" + name + (options.Force ? "?force=1" : "?force=0"), null, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, null, "Removed", target: name);
        }

        internal static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? values) =>
            values is null || values.Count == 0 ? null : values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        internal static OciVolume ToVolume(VolumeDto v) => new()
        {
            Name = v.Name ?? string.Empty,
            Driver = v.Driver ?? string.Empty,
            Mountpoint = v.Mountpoint,
            Created = DockerModels.Time(v.CreatedAt),
            Scope = v.Scope,
            Labels = v.Labels ?? new Dictionary<string, string>(),
            Options = v.Options ?? new Dictionary<string, string>(),
        };
    }
}
