using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// Podman's native (libpod) REST API on the same socket as its Docker-compatible one, pinned to the libpod API
    /// version the engine's ping announced (<c>Libpod-Api-Version</c>). Raw HTTP over the connection's transport,
    /// with the same timeout and error mapping as the compat calls.
    /// </summary>
    internal sealed class LibpodApi
    {
        private readonly DockerConnection _connection;
        private readonly HttpClient _http;
        private readonly Uri _base;

        public LibpodApi(DockerConnection connection, HttpClient http, Uri baseUri, string version)
        {
            _connection = connection;
            _http = http;
            _base = baseUri;
            Version = version;
        }

        /// <summary>The libpod API version requests are sent with (e.g. <c>4.3.1</c>).</summary>
        public string Version { get; }

        /// <summary>
        /// INSPECT through libpod: unlike the compat answer it carries the image's own manifest <c>Digest</c>
        /// (compat has only <c>RepoDigests</c>, where Podman can record several digests per repository, e.g. a
        /// manifest list's and its platform manifest's, in no stated order).
        /// </summary>
        /// <param name="name">A normalised reference or an image id (validated: it goes into the URL path as is).</param>
        /// <param name="reference">The reference to report the image as, or null when inspected by id.</param>
        /// <param name="digest">A digest already known (the one a pull by digest asked for), or null.</param>
        /// <param name="errorTarget">What errors name: the target as the caller wrote it.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        public async Task<OciImage> InspectImageAsync(string name, string? reference, string? digest, string errorTarget, CancellationToken cancellationToken)
        {
            using var doc = await GetJsonAsync("images/" + name + "/json", "Inspect image", errorTarget, cancellationToken).ConfigureAwait(false);
            return ToImage(doc.RootElement, reference, digest);
        }

        internal static OciImage ToImage(JsonElement r, string? reference, string? digest)
        {
            var id = String(r, "Id") ?? string.Empty;
            if (id.Length == 64 && id.All(Uri.IsHexDigit)) id = "sha256:" + id; // libpod leaves the algorithm off
            var tags = Strings(r, "RepoTags");
            var repoDigests = Strings(r, "RepoDigests");
            var own = String(r, "Digest");
            return new OciImage
            {
                Id = id,
                Reference = reference ?? DockerModels.Tags(tags).FirstOrDefault(),
                Digest = digest ?? ChooseDigest(own, repoDigests, reference),
                Tags = DockerModels.Tags(tags),
                Digests = DockerModels.Digests(repoDigests, tags),
                Size = r.TryGetProperty("Size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var s) ? s : 0,
                Created = DateTimeOffset.TryParse(String(r, "Created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) && created.Year > 1 ? created : null,
                Os = String(r, "Os"),
                Architecture = String(r, "Architecture"),
            };
        }

        // The image's own digest when the registry knows it under the reference's repository (or, by id, under any);
        // a digest recorded nowhere is a locally made manifest, which Docker would not report either.
        private static string? ChooseDigest(string? own, IReadOnlyList<string> repoDigests, string? reference)
        {
            if (own is not null && ImageReference.IsValidDigest(own))
            {
                ImageReference? wanted = null;
                if (reference is not null) ImageReference.TryParse(reference, out wanted);
                foreach (var d in repoDigests)
                {
                    if (ImageReference.TryParse(d, out var have) && have!.Digest == own && (wanted is null || have.Repository == wanted.Repository))
                        return own;
                }
            }
            return DockerModels.DigestFor(repoDigests, reference);
        }

        private async Task<JsonDocument> GetJsonAsync(string path, string what, string? target, CancellationToken cancellationToken) =>
            await _connection.RunAsync(what, target, async (_, ct) =>
            {
                using var response = await _http.GetAsync(new Uri(_base, "v" + Version + "/libpod/" + path), HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
#if NET8_0_OR_GREATER
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
#else
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
                if (!response.IsSuccessStatusCode)
                    throw DockerErrors.FromStatus(response.StatusCode, body, response.ReasonPhrase, what, target);
                try
                {
                    return JsonDocument.Parse(body);
                }
                catch (JsonException e)
                {
                    throw new OciException(OciErrorKind.EngineError, $"{what} '{target}': the engine answered with something that is not JSON ({e.Message}).", target, body.Length > 200 ? body.Substring(0, 200) : body, (int)response.StatusCode, e);
                }
            }, cancellationToken).ConfigureAwait(false);

        private static string? String(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static IReadOnlyList<string> Strings(JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array) return Array.Empty<string>();
            return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray();
        }
    }
}
