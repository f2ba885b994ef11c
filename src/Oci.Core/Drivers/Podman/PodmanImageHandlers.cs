using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;

namespace Oci.Drivers.Podman
{
    /// <summary>Where Podman's image answers differ from dockerd's: the reference filter of LIST and the outcome of PULL.</summary>
    internal static class PodmanImageHandlers
    {
        /// <summary>
        /// LIST: Podman's reference filter means something else (it also matches short names against any registry, e.g.
        /// "small" finds 127.0.0.1:5000/small, and matches patterns against full names only), so the list is filtered
        /// here with dockerd's semantics and a filter answers the same on both engines.
        /// </summary>
        public static async Task<OciResponse> ListAsync(PodmanConnection c, OciRequest request, OciImageListOptions options, CancellationToken cancellationToken)
        {
            var filter = DockerImageHandlers.CheckFilter(request.Target);
            var images = await DockerImageHandlers.ListAsync(c, options, null, cancellationToken).ConfigureAwait(false);
            if (filter is not null)
            {
                var regex = ReferenceFilter.Compile(filter);
                images = images.Select(i => ReferenceFilter.Apply(regex, i)).Where(i => i is not null).Select(i => i!);
            }
            return DockerImageHandlers.Answer(request, images, c);
        }

        /// <summary>
        /// PULL: Podman's stream does not say whether it downloaded anything ("Status: Downloaded newer image" / "Image is
        /// up to date" on dockerd): compare the image the reference named before and after.
        /// </summary>
        public static async Task<OciResponse> PullAsync(PodmanConnection c, OciRequest request, OciPullOptions options, CancellationToken cancellationToken)
        {
            var (reference, _) = DockerPullHandler.Check(request, options);
            var stored = DockerPullHandler.Stored(reference);
            string? before = null;
            try
            {
                before = (await c.InspectImageAsync(stored, stored, null, cancellationToken).ConfigureAwait(false)).Id;
            }
            catch (Transport.EngineResponseException e) when (DockerErrors.IsNotFound(e))
            {
                // Not there yet.
            }
            return await DockerPullHandler.PullAsync(c, request, options,
                image => before == image.Id ? "Image is up to date" : "Downloaded newer image", cancellationToken).ConfigureAwait(false);
        }
    }
}
