using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;

namespace Oci.Drivers.Docker
{
    /// <summary>PUSH: streams the engine's per-layer progress to the caller in order and answers with the image and the digest the registry stored.</summary>
    internal static class DockerPushHandler
    {
        /// <summary>The header value of no credential: dockerd refuses a push without the header at all.</summary>
        private const string Anonymous = "e30="; // base64url("{}")

        public static async Task<OciResponse> PushAsync(DockerConnection c, OciRequest request, OciImagePushOptions options, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.Target))
                throw new OciException(OciErrorKind.InvalidReference, "PUSH needs an image reference.", request.Target);
            var reference = ImageReference.Parse(request.Target!);
            if (reference.Digest is not null)
                throw new OciException(OciErrorKind.InvalidReference, $"'{request.Target}' names a digest; push a tag (repository:tag).", request.Target);
            var target = reference.ToString();
            var headers = new Dictionary<string, string>
            {
                [RegistryAuthHeader.Name] = request.RegistryCredential is { } credential ? RegistryAuthHeader.Encode(credential) : Anonymous,
            };
            var translator = new PushProgressTranslator(target, request.Progress);
            var query = "images/" + reference.Repository + "/push?tag=" + System.Uri.EscapeDataString(reference.EffectiveTag!);
            using (var response = await c.Http.OpenAsync(HttpMethod.Post, query, null, headers, cancellationToken).ConfigureAwait(false))
                await JsonStream.ReadAsync(response, DockerObjectJson.Default.ArchiveMessageDto, translator.Report, cancellationToken).ConfigureAwait(false);
            if (translator.Error is { } error)
                throw DockerErrors.FromStream(error.Message ?? "unknown error", error.Code, "Push", request.Target);
            if (translator.Digest is null)
                throw new OciException(OciErrorKind.EngineError, $"Push '{request.Target}': the engine's answer named no digest.", request.Target);

            var image = await c.InspectImageAsync(target, target, translator.Digest, cancellationToken).ConfigureAwait(false);
            translator.Complete();
            return OciResponse.For(request, new OciImage
            {
                Id = image.Id, Reference = target, Digest = translator.Digest, Tags = image.Tags, Digests = image.Digests,
                Size = image.Size, Created = image.Created, Os = image.Os, Architecture = image.Architecture,
            }, "Pushed", target: target);
        }
    }
}
