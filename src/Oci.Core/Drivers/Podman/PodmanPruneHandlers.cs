using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// PRUNE of images on Podman: its compatible API always adds <c>dangling=true</c> (and refuses a second, different
    /// value), so a prune of every unused image goes to libpod's prune (<c>all=true</c>). The dry run is the Docker API
    /// driver's, which lists the same candidates from Podman's answers.
    /// </summary>
    internal static class PodmanPruneHandlers
    {
        public static async Task<OciResponse> ImagesAsync(PodmanConnection c, OciRequest request, OciImagePruneOptions options, CancellationToken cancellationToken)
        {
            if (options.DryRun || !options.All) return await DockerPruneHandlers.ImagesAsync(c, request, options, cancellationToken).ConfigureAwait(false);
            var filters = new DockerFilters().Labels(options.Labels).Time("until", options.Until);
            var pruned = await c.Libpod.SendJsonAsync(HttpMethod.Post, "images/prune?all=true" + filters.Query(), null, null, DockerObjectJson.Default.ListLibpodPruneDto, cancellationToken).ConfigureAwait(false);
            if (pruned.FirstOrDefault(p => !string.IsNullOrEmpty(p.Err)) is { } failed)
                throw new OciException(DockerErrors.Classify(failed.Err!, OciErrorKind.EngineError), $"Prune image {failed.Id}: failed. Engine said: {failed.Err}", request.Target, failed.Err);
            return OciResponse.For(request, new OciPruneResult
            {
                Kind = OciKind.Image,
                Deleted = pruned.Select(p => DockerModels.WithAlgorithm(p.Id)).ToArray(),
                SpaceReclaimed = pruned.Sum(p => p.Size),
            }, "Pruned", target: request.Target ?? c.Endpoint.ToString());
        }
    }
}
