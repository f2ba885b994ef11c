using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Transport;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// A connection to Podman: its Docker-compatible API, plus its native (libpod) API on the same socket, pinned to
    /// the libpod version its ping announced (<c>Libpod-Api-Version</c>).
    /// </summary>
    public sealed class PodmanConnection : DockerConnection
    {
        /// <summary>Used when a ping announces a libpod API version that does not parse (the first libpod v4 API).</summary>
        private const string FallbackLibpodVersion = "4.0.0";

        internal PodmanConnection(string driver, DockerProbeResult answer, TimeSpan requestTimeout)
            : base(driver, answer, requestTimeout)
        {
            LibpodVersion = Version.TryParse(answer.LibpodApiVersion, out var v) && v.Major >= 1 ? v.ToString() : FallbackLibpodVersion;
            Libpod = Http.WithPrefix("v" + LibpodVersion + "/libpod/");
        }

        /// <summary>The libpod API version requests are sent with (e.g. <c>4.3.1</c>).</summary>
        internal string LibpodVersion { get; }

        /// <summary>Podman's native API under its version prefix.</summary>
        internal EngineHttp Libpod { get; }

        /// <summary>
        /// Through libpod: unlike the compat answer it carries the image's own manifest <c>Digest</c> (compat has only
        /// <c>RepoDigests</c>, where Podman can record several digests per repository, e.g. a manifest list's and its
        /// platform manifest's, in no stated order).
        /// </summary>
        internal override async Task<OciImage> InspectImageAsync(string name, string? reference, string? digest, CancellationToken cancellationToken)
        {
            var r = await Libpod.GetJsonAsync("images/" + name + "/json", DockerJson.Default.ImageInspectDto, cancellationToken).ConfigureAwait(false);
            return ToImage(r, reference, digest);
        }

        /// <summary>libpod's inspect answer as an image: the same shape as the compat one, with the image's own digest.</summary>
        internal static OciImage ToImage(ImageInspectDto r, string? reference, string? digest) =>
            DockerModels.ToImage(r, reference, digest ?? ChooseDigest(r.Digest, r.RepoDigests, reference));

        // The image's own digest when the registry knows it under the reference's repository (or, by id, under any);
        // a digest recorded nowhere is a locally made manifest, which Docker would not report either.
        internal static string? ChooseDigest(string? own, IReadOnlyList<string>? repoDigests, string? reference)
        {
            if (own is not null && ImageReference.IsValidDigest(own) && repoDigests is not null)
            {
                ImageReference? wanted = null;
                if (reference is not null) ImageReference.TryParse(reference, out wanted);
                if (repoDigests.Any(d => ImageReference.TryParse(d, out var have) && have!.Digest == own && (wanted is null || have.SameRepository(wanted))))
                    return own;
            }
            return DockerModels.DigestFor(repoDigests, reference);
        }
    }
}
