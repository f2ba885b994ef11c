using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Transport;

namespace Oci.Drivers.Podman
{
    /// <summary>Where Podman's container answers differ from dockerd's: LIST's name and ancestor filters, WAIT for removal, STATE and STATS.</summary>
    internal static class PodmanContainerHandlers
    {
        /// <summary>
        /// LIST: Podman matches names without Docker's leading slash, and its ancestor filter takes neither ids nor a
        /// repository without its tag; so names lose the slash, and ancestors are resolved to image ids and matched here,
        /// as dockerd matches them.
        /// </summary>
        public static async Task<OciResponse> ListAsync(PodmanConnection c, OciRequest request, OciContainerListOptions options, CancellationToken cancellationToken)
        {
            var filters = DockerContainerList.Filters(request, options);
            if (filters.TryGetValue("name", out var names))
                filters["name"] = names.Select(n => n.StartsWith("^/", StringComparison.Ordinal) ? "^" + n.Substring(2) : n.StartsWith("/", StringComparison.Ordinal) ? n.Substring(1) : n).ToList();
            HashSet<string>? imageIds = null;
            if (filters.TryGetValue("ancestor", out var ancestors))
            {
                filters.Remove("ancestor");
                imageIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var ancestor in ancestors)
                {
                    try
                    {
                        var name = ImageReference.IsImageId(ancestor) ? ancestor : ImageReference.Parse(ancestor).ToString();
                        imageIds.Add((await c.InspectImageAsync(name, null, null, cancellationToken).ConfigureAwait(false)).Id);
                    }
                    catch (EngineResponseException e) when (DockerErrors.IsNotFound(e))
                    {
                        // No such image: no container descends from it.
                    }
                }
            }
            var containers = await DockerContainerList.ListAsync(c, options.All || filters.ContainsKey("status"), filters, cancellationToken).ConfigureAwait(false);
            return DockerContainerList.Answer(request, imageIds is null ? containers : containers.Where(x => imageIds.Contains(x.ImageId)), c);
        }

        /// <summary>
        /// WAIT: Podman's compatible API answers -1 for a container that never ran (dockerd: its exit code, 0), and 0
        /// for a wait for removal (dockerd: the exit code). So a wait for removal takes the exit code from libpod's wait
        /// (which keeps it even when the engine removes the container itself), then waits for the removal; a container
        /// already gone counts as removed.
        /// </summary>
        public static async Task<OciResponse> WaitAsync(PodmanConnection c, OciRequest request, OciContainerWaitOptions options, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            int code;
            if (options.Condition == OciWaitCondition.Removed)
            {
                code = await LibpodWaitAsync(c, id, cancellationToken).ConfigureAwait(false) ?? 0;
                try
                {
                    await DockerContainerHandlers.WaitAsync(c, id, OciWaitCondition.Removed, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is EngineResponseException r && DockerErrors.IsNotFound(r) || e is OciException { Kind: OciErrorKind.NotFound })
                {
                    // Gone before (or while) this wait began: Podman says so with a 404 or an in-band error.
                }
            }
            else
            {
                code = await DockerContainerHandlers.WaitAsync(c, id, options.Condition, cancellationToken).ConfigureAwait(false);
            }
            if (code < 0) code = (await DockerContainerHandlers.InspectRawAsync(c, id, cancellationToken).ConfigureAwait(false)).State?.ExitCode ?? 0;
            return OciResponse.For(request, code, $"Exited ({code})", target: id);
        }

        /// <summary>libpod's wait for the container to stop: its exit code; null when the container went first.</summary>
        private static async Task<int?> LibpodWaitAsync(PodmanConnection c, string id, CancellationToken cancellationToken)
        {
            try
            {
                using var response = await c.Libpod.OpenAsync(System.Net.Http.HttpMethod.Post, "containers/" + id + "/wait", null, null, cancellationToken).ConfigureAwait(false);
                return await DockerContainerHandlers.ReadJsonAsync(response, PodmanContainerJson.Default.Int32, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineResponseException e) when (DockerErrors.IsNotFound(e))
            {
                return null;
            }
        }

        /// <summary>STATE: libpod says where the bundle is (the folder of its OCI config) and which annotations the runtime has.</summary>
        public static async Task<OciResponse> StateAsync(PodmanConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            var compat = await DockerContainerHandlers.InspectRawAsync(c, id, cancellationToken).ConfigureAwait(false);
            var native = await c.Libpod.GetJsonAsync("containers/" + id + "/json", PodmanContainerJson.Default.LibpodContainerInspectDto, cancellationToken).ConfigureAwait(false);
            var bundle = string.IsNullOrEmpty(native.OCIConfigPath) ? null : Path.GetDirectoryName(native.OCIConfigPath)?.Replace('\\', '/');
            return OciResponse.For(request, DockerContainerModels.ToState(compat, bundle, native.Config?.Annotations ?? new Dictionary<string, string>()), target: request.Target);
        }

        /// <summary>
        /// STATS: Podman's compatible answer has no previous sample to compute the CPU share from; libpod's computes it
        /// (over the time since the container started, for a first sample).
        /// </summary>
        public static async Task<OciResponse> StatsAsync(PodmanConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            var inspected = await DockerContainerHandlers.InspectRawAsync(c, id, cancellationToken).ConfigureAwait(false);
            var report = await c.Libpod.GetJsonAsync("containers/stats?stream=false&containers=" + Uri.EscapeDataString(id), PodmanContainerJson.Default.LibpodStatsReportDto, cancellationToken).ConfigureAwait(false);
            if (report.Error?.Message is { Length: > 0 } error)
                throw DockerErrors.FromStatus(System.Net.HttpStatusCode.InternalServerError, error, null, "Stats container", request.Target);
            var s = report.Stats?.FirstOrDefault() ?? new LibpodStatsDto { ContainerID = inspected.Id, Name = inspected.Name };
            return OciResponse.For(request, new OciContainerStats
            {
                ContainerId = s.ContainerID ?? inspected.Id ?? string.Empty,
                Name = ContainerTarget.Bare(s.Name ?? inspected.Name),
                Read = DateTimeOffset.UtcNow,
                CpuPercent = s.CPU,
                MemoryUsage = (long)s.MemUsage,
                MemoryLimit = (long)s.MemLimit,
                NetworkReceived = (long)s.NetInput,
                NetworkSent = (long)s.NetOutput,
                BlockRead = (long)s.BlockInput,
                BlockWritten = (long)s.BlockOutput,
                Pids = (long)s.PIDs,
            }, target: request.Target);
        }
    }
}
