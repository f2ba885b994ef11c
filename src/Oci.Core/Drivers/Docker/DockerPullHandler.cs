using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;

namespace Oci.Drivers.Docker
{
    /// <summary>PULL: streams the engine's progress to the caller in order and answers with the pulled image.</summary>
    internal static class DockerPullHandler
    {
        // os[/arch[/variant]], each part starting with a letter or digit (so never '..').
        private static readonly Regex PlatformPattern = new("^[a-z0-9][a-z0-9_.-]{0,63}(/[a-z0-9][a-z0-9_.-]{0,63}){0,2}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public static Task<OciResponse> PullAsync(DockerConnection c, OciRequest request, OciPullOptions options, CancellationToken cancellationToken) =>
            PullAsync(c, request, options, null, cancellationToken);

        /// <summary>
        /// Pulls; <paramref name="silentOutcome"/> names the outcome when the engine's stream does not (it has no
        /// <c>Status:</c> line), from the pulled image; without it such a pull is just "Pulled".
        /// </summary>
        public static async Task<OciResponse> PullAsync(DockerConnection c, OciRequest request, OciPullOptions options, Func<OciImage, string>? silentOutcome, CancellationToken cancellationToken)
        {
            var (reference, platform) = Check(request, options);
            var target = reference.ToString();
            var stored = Stored(reference);

            // Always an explicit tag or digest: without one the engine pulls every tag of the repository.
            var query = "images/create?fromImage=" + Uri.EscapeDataString(reference.Repository) + "&tag=" + Uri.EscapeDataString(reference.Digest ?? reference.EffectiveTag!)
                        + (platform is null ? string.Empty : "&platform=" + Uri.EscapeDataString(platform));
            var headers = request.RegistryCredential is { } credential
                ? new Dictionary<string, string> { [RegistryAuthHeader.Name] = RegistryAuthHeader.Encode(credential) }
                : null;
            var translator = new PullProgressTranslator(target, request.Progress);
            using (var response = await c.Http.OpenAsync(HttpMethod.Post, query, null, headers, cancellationToken).ConfigureAwait(false))
                await JsonStream.ReadAsync(response, DockerJson.Default.JsonMessageDto, translator.Report, cancellationToken).ConfigureAwait(false);
            // dockerd fails a missing image with HTTP 404 up front; other engines (Podman's compat API) answer 200 and
            // then one in-band error line, classified by its words like dockerd's own in-band errors.
            if (translator.Error is { } error)
                throw DockerErrors.FromStream(error.Message ?? "unknown error", error.Code, "Pull", request.Target);

            var image = await c.InspectImageAsync(stored, stored, translator.Digest ?? reference.Digest, cancellationToken).ConfigureAwait(false);
            image = new OciImage
            {
                Id = image.Id, Reference = target, Digest = image.Digest, Tags = image.Tags, Digests = image.Digests,
                Size = image.Size, Created = image.Created, Os = image.Os, Architecture = image.Architecture,
            };
            translator.Complete(translator.Outcome is null ? silentOutcome?.Invoke(image) ?? "Pulled" : null);
            return OciResponse.For(request, image, translator.Outcome!, target: target);
        }

        /// <summary>The reference and platform of a pull, validated before anything is sent.</summary>
        internal static (ImageReference Reference, string? Platform) Check(OciRequest request, OciPullOptions options)
        {
            if (string.IsNullOrWhiteSpace(request.Target))
                throw new OciException(OciErrorKind.InvalidReference, "PULL needs an image reference.", request.Target);
            return (ImageReference.Parse(request.Target!), Platform(options.Platform));
        }

        /// <summary>The name the engine stores a pull of <paramref name="reference"/> under.</summary>
        internal static string Stored(ImageReference reference) =>
            reference.Digest is null ? reference.Repository + ":" + reference.EffectiveTag : reference.Repository + "@" + reference.Digest;

        private static string? Platform(string? platform)
        {
            if (platform is null) return null;
            var p = platform.Trim();
            if (!PlatformPattern.IsMatch(p))
            {
                var shown = p.Length > 100 ? p.Substring(0, 100) + "…" : p;
                throw new OciException(OciErrorKind.InvalidArgument, $"'{shown}' is not a valid platform: use os[/arch[/variant]], e.g. linux/amd64.", shown);
            }
            return p.ToLowerInvariant();
        }
    }
}
