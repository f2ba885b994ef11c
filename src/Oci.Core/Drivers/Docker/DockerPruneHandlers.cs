using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// PRUNE of images, volumes and networks: the engine's own prune, or — for a dry run — the same selection computed
    /// from the engine's lists, so a caller can show what would go without anything being removed.
    /// </summary>
    internal static class DockerPruneHandlers
    {
        public static async Task<OciResponse> ImagesAsync(DockerConnection c, OciRequest request, OciImagePruneOptions options, CancellationToken cancellationToken)
        {
            if (options.DryRun) return Answer(request, await ImageCandidatesAsync(c, options, cancellationToken).ConfigureAwait(false));
            var filters = new DockerFilters().Bool("dangling", !options.All).Labels(options.Labels).Time("until", options.Until);
            ImagePruneDto r;
            try
            {
                r = await c.Http.SendJsonAsync(HttpMethod.Post, "images/prune" + filters.Query("?"), null, null, DockerObjectJson.Default.ImagePruneDto, cancellationToken).ConfigureAwait(false);
            }
            catch (Transport.EngineResponseException e) when (options.All && (e.Body ?? string.Empty).IndexOf("filter more than once", StringComparison.Ordinal) >= 0)
            {
                // An engine whose compatible API always prunes dangling images only (Podman's) cannot be asked for all.
                throw new OciException(OciErrorKind.Unsupported, "Prune image: this engine's Docker-compatible API prunes only dangling images; use the engine's own driver to prune every unused image.",
                    request.Target, e.Body, (int)e.StatusCode, e);
            }
            var items = r.ImagesDeleted ?? new List<ImageDeleteDto>();
            return Answer(request, new OciPruneResult
            {
                Kind = OciKind.Image,
                Deleted = items.Where(i => i.Deleted is not null).Select(i => DockerModels.WithAlgorithm(i.Deleted)).Distinct().ToArray(),
                Untagged = DockerModels.Familiar(items.Select(i => i.Untagged).Where(u => u is not null)!),
                SpaceReclaimed = r.SpaceReclaimed,
            });
        }

        /// <summary>The images a prune with <paramref name="options"/> removes: top-level images no container uses (untagged ones only, unless All), by label and age.</summary>
        private static async Task<OciPruneResult> ImageCandidatesAsync(DockerConnection c, OciImagePruneOptions options, CancellationToken cancellationToken)
        {
            var list = await DockerImageHandlers.ListAsync(c, new OciImageListOptions { Labels = options.Labels, Dangling = options.All ? null : true }, null, cancellationToken).ConfigureAwait(false);
            var used = await ContainersAsync(c, cancellationToken).ConfigureAwait(false);
            var inUse = new HashSet<string>(used.Select(u => DockerModels.WithAlgorithm(u.ImageID)), StringComparer.Ordinal);
            var candidates = list.Where(i => !inUse.Contains(i.Id) && (options.Until is null || (i.Created is { } created && created < options.Until))).ToList();
            return new OciPruneResult
            {
                Kind = OciKind.Image,
                DryRun = true,
                Deleted = candidates.Select(i => i.Id).ToArray(),
                Untagged = candidates.SelectMany(i => i.Tags.Concat(i.Digests)).ToArray(),
                SpaceReclaimed = candidates.Sum(i => i.Size),
            };
        }

        public static async Task<OciResponse> VolumesAsync(DockerConnection c, OciRequest request, OciVolumePruneOptions options, CancellationToken cancellationToken)
        {
            if (options.DryRun)
            {
                // In use = mounted by a container, running or not (asked of the containers: not every engine's dangling filter says).
                var volumes = await DockerVolumeHandlers.ListAsync(c, (string?)null, new OciVolumeListOptions { Labels = options.Labels }, cancellationToken).ConfigureAwait(false);
                var mounted = new HashSet<string>((await ContainersAsync(c, cancellationToken).ConfigureAwait(false))
                    .SelectMany(x => x.Mounts ?? new List<MountUseDto>()).Where(m => m.Type == "volume" && m.Name is not null).Select(m => m.Name!), StringComparer.Ordinal);
                return Answer(request, new OciPruneResult { Kind = OciKind.Volume, DryRun = true, Deleted = volumes.Where(v => !mounted.Contains(v.Name)).Select(v => v.Name).ToArray() });
            }
            var filters = new DockerFilters().Labels(options.Labels);
            var r = await c.Http.SendJsonAsync(HttpMethod.Post, "volumes/prune" + filters.Query("?"), null, null, DockerObjectJson.Default.VolumePruneDto, cancellationToken).ConfigureAwait(false);
            return Answer(request, new OciPruneResult { Kind = OciKind.Volume, Deleted = (r.VolumesDeleted ?? new List<string>()).ToArray(), SpaceReclaimed = r.SpaceReclaimed });
        }

        public static async Task<OciResponse> NetworksAsync(DockerConnection c, OciRequest request, OciNetworkPruneOptions options, CancellationToken cancellationToken)
        {
            if (options.DryRun)
            {
                var candidates = await DockerNetworkHandlers.UnusedAsync(c, options, cancellationToken).ConfigureAwait(false);
                return Answer(request, new OciPruneResult { Kind = OciKind.Network, DryRun = true, Deleted = candidates.Select(n => n.Name).ToArray() });
            }
            var filters = new DockerFilters().Labels(options.Labels).Time("until", options.Until);
            var r = await c.Http.SendJsonAsync(HttpMethod.Post, "networks/prune" + filters.Query("?"), null, null, DockerObjectJson.Default.NetworkPruneDto, cancellationToken).ConfigureAwait(false);
            return Answer(request, new OciPruneResult { Kind = OciKind.Network, Deleted = (r.NetworksDeleted ?? new List<string>()).ToArray() });
        }

        /// <summary>Every container, running or not: what holds images, volumes and networks in use.</summary>
        internal static Task<List<ContainerUseDto>> ContainersAsync(DockerConnection c, CancellationToken cancellationToken) =>
            c.Http.GetJsonAsync("containers/json?all=1", DockerObjectJson.Default.ListContainerUseDto, cancellationToken);

        private static OciResponse Answer(OciRequest request, OciPruneResult result) =>
            OciResponse.For(request, result, result.DryRun ? "Would prune" : "Pruned", target: request.Target ?? request.Connection?.Endpoint.ToString());
    }
}
