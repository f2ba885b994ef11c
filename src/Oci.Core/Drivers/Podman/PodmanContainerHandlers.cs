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
        /// WAIT: Podman answers a wait for removal with 0, not the exit code; so it waits for the container to stop (its
        /// exit code), then for its removal. A container already gone by then counts as removed.
        /// </summary>
        public static async Task<OciResponse> WaitAsync(PodmanConnection c, OciRequest request, OciContainerWaitOptions options, CancellationToken cancellationToken)
        {
            if (options.Condition != OciWaitCondition.Removed) return await DockerContainerHandlers.WaitAsync(c, request, options, cancellationToken).ConfigureAwait(false);
            var id = ContainerTarget.Resolve(request);
            var code = await DockerContainerHandlers.WaitAsync(c, id, OciWaitCondition.NotRunning, cancellationToken).ConfigureAwait(false);
            try
            {
                await DockerContainerHandlers.WaitAsync(c, id, OciWaitCondition.Removed, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineResponseException e) when (DockerErrors.IsNotFound(e))
            {
                // Removed before the second wait began.
            }
            return OciResponse.For(request, code, $"Exited ({code})", target: id);
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
