using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>LIST, INSPECT, TAG and REMOVE of images.</summary>
    internal static class DockerImageHandlers
    {
        // A reference filter may use Docker's wildcards but nothing else outside the reference grammar.
        private static readonly Regex FilterPattern = new("^[A-Za-z0-9._:/@*?\\[\\]-]{1,512}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>LIST: the target, if any, filters by reference (Docker's wildcards), as the engine applies it.</summary>
        public static async Task<OciResponse> ListAsync(DockerConnection c, OciRequest request, OciImageListOptions options, CancellationToken cancellationToken)
        {
            var images = await ListAsync(c, options, CheckFilter(request.Target), cancellationToken).ConfigureAwait(false);
            return Answer(request, images, c);
        }

        /// <summary>
        /// The engine's image list with the options' filters (dangling, labels, before, since) and
        /// <paramref name="referenceFilter"/>, applied by the engine.
        /// </summary>
        internal static async Task<IEnumerable<OciImage>> ListAsync(DockerConnection c, OciImageListOptions options, string? referenceFilter, CancellationToken cancellationToken)
        {
            var filters = new DockerFilters()
                .Add("reference", referenceFilter)
                .Bool("dangling", options.Dangling)
                .Labels(options.Labels)
                .Add("before", CheckImage(options.Before, "before"))
                .Add("since", CheckImage(options.Since, "since"));
            var query = "images/json" + (options.All ? "?all=1" : "?all=0") + filters.Query();
            var list = await c.Http.GetJsonAsync(query, DockerJson.Default.ListImageSummaryDto, cancellationToken).ConfigureAwait(false);
            return list.Select(DockerModels.ToImage);
        }

        /// <summary>A reference filter checked against the reference grammar and Docker's wildcards; null when none.</summary>
        internal static string? CheckFilter(string? filter)
        {
            if (filter is not null && !FilterPattern.IsMatch(filter))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{filter}' is not a valid image reference filter.", filter);
            return filter;
        }

        /// <summary>An image named as a filter value (before, since): an id or a reference, checked; null when none.</summary>
        private static string? CheckImage(string? image, string what)
        {
            if (image is null) return null;
            if (ImageReference.IsImageId(image)) return image;
            if (!ImageReference.TryParse(image, out var r, out var error))
                throw new OciException(OciErrorKind.InvalidReference, $"'{image}' ({what}) is not an image reference or id: {error}.", image);
            return r!.ToString();
        }

        /// <summary>HISTORY: the image's steps, newest first.</summary>
        public static async Task<OciResponse> HistoryAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var name = ImageTarget.Resolve(request);
            var steps = await c.Http.GetJsonAsync("images/" + name + "/history", DockerObjectJson.Default.ListImageHistoryDto, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, steps.Select(DockerModels.ToHistory).ToArray(), target: name);
        }

        /// <summary>The LIST answer: images sorted by reference (untagged last), targeting the filter or the endpoint.</summary>
        internal static OciResponse Answer(OciRequest request, IEnumerable<OciImage> images, DockerConnection c) =>
            OciResponse.For(request, images.OrderBy(i => i.Reference ?? "~", StringComparer.Ordinal).ToArray(), target: request.Target ?? c.Endpoint.ToString());

        public static async Task<OciResponse> InspectAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var name = ImageTarget.Resolve(request);
            var image = await c.InspectImageAsync(name, ImageReference.IsImageId(name) ? null : name, null, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, image, target: name);
        }

        /// <summary>TAG: the target is the source image; <see cref="OciImageTagOptions.Tag"/> the new reference.</summary>
        public static async Task<OciResponse> TagAsync(DockerConnection c, OciRequest request, OciImageTagOptions options, CancellationToken cancellationToken)
        {
            var source = ImageTarget.Resolve(request);
            if (string.IsNullOrWhiteSpace(options.Tag))
                throw new OciException(OciErrorKind.InvalidArgument, "TAG needs the new reference in parameter 'tag'.", request.Target);
            var target = ImageReference.Parse(options.Tag!);
            if (target.Digest is not null)
                throw new OciException(OciErrorKind.InvalidReference, $"'{options.Tag}' has a digest; a tag cannot be a digest.", options.Tag);
            var query = "images/" + source + "/tag?repo=" + Uri.EscapeDataString(target.Repository) + "&tag=" + Uri.EscapeDataString(target.EffectiveTag!);
            await c.Http.SendAsync(HttpMethod.Post, query, null, cancellationToken).ConfigureAwait(false);
            var image = await c.InspectImageAsync(target.ToString(), target.ToString(), null, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, image, "Tagged", target: target.ToString());
        }

        /// <summary>REMOVE: says what was untagged and what deleted.</summary>
        public static async Task<OciResponse> RemoveAsync(DockerConnection c, OciRequest request, OciImageRemoveOptions options, CancellationToken cancellationToken)
        {
            var name = ImageTarget.Resolve(request);
            var query = "images/" + name + "?force=" + (options.Force ? "1" : "0") + "&noprune=" + (options.NoPrune ? "1" : "0");
            var items = await c.Http.SendJsonAsync(HttpMethod.Delete, query, null, null, DockerJson.Default.ListImageDeleteDto, cancellationToken).ConfigureAwait(false);
            var removal = new OciImageRemoval
            {
                Untagged = DockerModels.Familiar(items.Select(i => i.Untagged).Where(u => u is not null)!),
                // Some engines (Podman) name deleted images by bare hex id; dockerd as sha256:<hex>.
                Deleted = items.Where(i => i.Deleted is not null).Select(i => DockerModels.WithAlgorithm(i.Deleted)).ToArray(),
            };
            return OciResponse.For(request, removal, removal.Deleted.Count > 0 ? "Deleted" : "Untagged", target: name);
        }
    }
}
