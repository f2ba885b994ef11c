using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using global::Docker.DotNet.Models;

namespace Oci.Drivers.Docker
{
    /// <summary>LIST, INSPECT, TAG and REMOVE of images.</summary>
    internal static class DockerImageHandlers
    {
        // A reference filter may use Docker's wildcards but nothing else outside the reference grammar.
        private static readonly Regex FilterPattern = new("^[A-Za-z0-9._:/@*?\\[\\]-]{1,512}$", RegexOptions.CultureInvariant);

        /// <summary>LIST: parameters <c>all</c> (bool, include intermediate images); the target, if any, filters by reference (wildcards allowed).</summary>
        public static async Task<OciResponse> ListAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters("all");
            var parameters = new ImagesListParameters { All = request.GetParameter<bool>("all") };
            var filter = request.Target;
            Regex? localFilter = null;
            if (filter is not null)
            {
                if (!FilterPattern.IsMatch(filter))
                    throw new OciException(OciErrorKind.InvalidArgument, $"'{filter}' is not a valid image reference filter.", filter);
                // Podman's reference filter means something else (it also matches short names against any registry,
                // e.g. "small" finds 127.0.0.1:5000/small, and matches patterns against full names only): there the
                // list is filtered here, with dockerd's semantics, so a filter answers the same on both engines.
                if (c.IsPodman)
                    localFilter = ReferenceFilter.Compile(filter);
                else
                    parameters.Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [filter] = true } };
            }
            var list = await c.RunAsync("List images", request.Target, (client, ct) => client.Images.ListImagesAsync(parameters, ct), cancellationToken).ConfigureAwait(false);
            IEnumerable<OciImage> found = list.Select(DockerModels.ToImage);
            if (localFilter is not null)
                found = found.Select(i => ReferenceFilter.Apply(localFilter, i)).Where(i => i is not null).Select(i => i!);
            var images = found.OrderBy(i => i.Reference ?? "~", System.StringComparer.Ordinal).ToArray();
            return OciResponse.For(request, images, target: request.Target ?? c.Endpoint);
        }

        public static async Task<OciResponse> InspectAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters();
            var name = ImageTarget.Resolve(request);
            var image = await InspectAsync(c, name, cancellationToken, errorTarget: request.Target).ConfigureAwait(false);
            return OciResponse.For(request, image, target: name);
        }

        /// <summary>TAG: the target is the source image; parameter <c>tag</c> is the new reference.</summary>
        public static async Task<OciResponse> TagAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters("tag");
            var source = ImageTarget.Resolve(request);
            var newName = request.GetParameter<string>("tag");
            if (string.IsNullOrWhiteSpace(newName))
                throw new OciException(OciErrorKind.InvalidArgument, "TAG needs the new reference in parameter 'tag'.", request.Target);
            var target = ImageReference.Parse(newName!);
            if (target.Digest is not null)
                throw new OciException(OciErrorKind.InvalidReference, $"'{newName}' has a digest; a tag cannot be a digest.", newName);
            await c.RunAsync<bool>("Tag image", request.Target, async (client, ct) =>
            {
                await client.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = target.Repository, Tag = target.EffectiveTag }, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            var image = await InspectAsync(c, target.ToString(), cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, image, "Tagged", target: target.ToString());
        }

        /// <summary>REMOVE: parameters <c>force</c> and <c>noprune</c> (bools).</summary>
        public static async Task<OciResponse> RemoveAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters("force", "noprune");
            var name = ImageTarget.Resolve(request);
            var parameters = new ImageDeleteParameters { Force = request.GetParameter<bool>("force"), NoPrune = request.GetParameter<bool>("noprune") };
            var items = await c.RunAsync("Remove image", request.Target, (client, ct) => client.Images.DeleteImageAsync(name, parameters, ct), cancellationToken).ConfigureAwait(false);
            var removal = new OciImageRemoval
            {
                Untagged = DockerModels.Familiar(items.SelectMany(i => i).Where(kv => kv.Key == "Untagged").Select(kv => kv.Value)),
                // Podman names deleted images by bare hex id; dockerd as sha256:<hex>.
                Deleted = items.SelectMany(i => i).Where(kv => kv.Key == "Deleted").Select(kv => WithAlgorithm(kv.Value)).ToArray(),
            };
            return OciResponse.For(request, removal, removal.Deleted.Count > 0 ? "Deleted" : "Untagged", target: name);
        }

        internal static async Task<OciImage> InspectAsync(DockerConnection c, string name, CancellationToken cancellationToken, string? digest = null, string? errorTarget = null)
        {
            if (c.Libpod is { } libpod)
                return await libpod.InspectImageAsync(name, ImageReference.IsImageId(name) ? null : name, digest, errorTarget ?? name, cancellationToken).ConfigureAwait(false);
            var r = await c.RunAsync("Inspect image", errorTarget ?? name, (client, ct) => client.Images.InspectImageAsync(name, ct), cancellationToken).ConfigureAwait(false);
            return DockerModels.ToImage(r, ImageReference.IsImageId(name) ? null : name, digest);
        }

        private static string WithAlgorithm(string id) =>
            id.Length == 64 && id.All(System.Uri.IsHexDigit) ? "sha256:" + id : id;
    }
}
