using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using global::Docker.DotNet.Models;
using Oci.Credentials;

namespace Oci.Drivers.Docker
{
    /// <summary>PULL: streams the engine's progress to the caller in order and answers with the pulled image.</summary>
    internal static class DockerPullHandler
    {
        private static readonly Regex PlatformPattern = new("^[a-z0-9_.-]+(/[a-z0-9_.-]+){0,2}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static async Task<OciResponse> PullAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            if (string.IsNullOrWhiteSpace(request.Target))
                throw new OciException(OciErrorKind.InvalidReference, "PULL needs an image reference.", request.Target);
            if (request.Kind != OciKind.Image)
                throw new OciException(OciErrorKind.InvalidArgument, $"PULL acts on images; got kind {request.Kind.ToString().ToUpperInvariant()}.", request.Target);
            request.EnsureOnlyParameters(OciPullParameters.Platform, OciPullParameters.Credential, OciPullParameters.AllowUnencryptedAuthentication);
            var reference = ImageReference.Parse(request.Target!);
            var platform = Platform(request.GetParameter<string>(OciPullParameters.Platform));
            var allowPlainText = request.GetParameter<bool>(OciPullParameters.AllowUnencryptedAuthentication);
            var explicitCredential = request.GetParameter<OciRegistryCredential>(OciPullParameters.Credential);
            var target = reference.ToString();
            var given = request.Target!; // errors name the reference as the caller wrote it

            // Always an explicit tag or digest: without one the engine pulls every tag of the repository.
            var parameters = new ImagesCreateParameters
            {
                FromImage = reference.Repository,
                Tag = reference.Digest ?? reference.EffectiveTag,
                Platform = platform,
            };
            var stored = reference.Digest is null ? reference.Repository + ":" + reference.EffectiveTag : reference.Repository + "@" + reference.Digest;

            // Podman's stream does not say whether it downloaded anything ("Status: Downloaded newer image" /
            // "Image is up to date" on dockerd): compare the image the reference named before and after.
            var before = c.IsPodman ? await ImageIdAsync(c, stored, cancellationToken).ConfigureAwait(false) : null;

            var headers = await AuthHeadersAsync(c, reference, explicitCredential, allowPlainText, cancellationToken).ConfigureAwait(false);
            var translator = new PullProgressTranslator(target, request.Progress);
            try
            {
                await c.Client.Images.CreateImageAsync(parameters, null, headers, translator, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw DockerErrors.Map(e, "Pull", given, c.Endpoint);
            }
            // dockerd fails a missing image with HTTP 404 up front; Podman's compat API answers 200 and then one
            // in-band error line (no code), classified by its words like dockerd's own in-band errors.
            if (translator.Error is { } error)
                throw DockerErrors.FromStream(error.Message ?? "unknown error", error.Code, "Pull", given);

            var image = await DockerImageHandlers.InspectAsync(c, stored, cancellationToken, translator.Digest ?? reference.Digest).ConfigureAwait(false);
            image = new OciImage
            {
                Id = image.Id, Reference = target, Digest = image.Digest, Tags = image.Tags, Digests = image.Digests,
                Size = image.Size, Created = image.Created, Os = image.Os, Architecture = image.Architecture,
            };
            string? outcome = null;
            if (translator.Outcome is null && c.IsPodman)
                outcome = before == image.Id ? "Image is up to date" : "Downloaded newer image";
            translator.Complete(outcome);
            return OciResponse.For(request, image, translator.Outcome ?? "Pulled", target: target);
        }

        /// <summary>
        /// The <c>X-Registry-Auth</c> header for the reference's registry: the caller's credential, else the one the
        /// docker/podman configuration holds; none = an anonymous pull. Credentials never cross a plain-text,
        /// non-loopback connection unless the caller allowed it.
        /// </summary>
        private static async Task<IDictionary<string, string>?> AuthHeadersAsync(DockerConnection c, ImageReference reference, OciRegistryCredential? explicitCredential, bool allowPlainText, CancellationToken cancellationToken)
        {
            var credential = await OciCredentialResolver.ResolveAsync(reference.Domain, new OciCredentialOptions { Credential = explicitCredential }, cancellationToken).ConfigureAwait(false);
            if (credential is null) return null;
            RegistryAuthHeader.EnsureSecureTransport(c.Endpoint, c.IsTls, allowPlainText);
            return new Dictionary<string, string> { [RegistryAuthHeader.Name] = RegistryAuthHeader.Encode(credential) };
        }

        /// <summary>The id of the image <paramref name="name"/> names now, or null when there is none.</summary>
        private static async Task<string?> ImageIdAsync(DockerConnection c, string name, CancellationToken cancellationToken)
        {
            try
            {
                return (await DockerImageHandlers.InspectAsync(c, name, cancellationToken).ConfigureAwait(false)).Id;
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
                return null;
            }
        }

        private static string? Platform(string? platform)
        {
            if (platform is null) return null;
            var p = platform.Trim();
            if (!PlatformPattern.IsMatch(p))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{platform}' is not a valid platform: use os[/arch[/variant]], e.g. linux/amd64.", platform);
            return p.ToLowerInvariant();
        }
    }
}
