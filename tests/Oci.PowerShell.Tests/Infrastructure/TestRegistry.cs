using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit.Sdk;

namespace Oci.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// Makes a unique tag of a test image in the test registry (repository <c>pstests/NAME</c>, blobs mounted
    /// from <c>NAME</c>, the manifest copied byte for byte), so a test has an image that exists in the
    /// registry and certainly not in the engine. Leaves the shared repositories' tags untouched.
    /// Mirrored by New-TestImageTag in tests/Pester/TestHelpers.ps1.
    /// </summary>
    public static class TestRegistry
    {
        private const string ManifestTypes =
            "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json";

        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

        /// <summary>Copies <c>NAME:latest</c> to <c>REGISTRY/pstests/NAME:t-GUID</c> and returns that reference.</summary>
        public static string NewUniqueTag(string name)
        {
            var registry = TestEnvironment.Registry;
            var target = $"pstests/{name}";
            var tag = "t-" + Guid.NewGuid().ToString("N");
            try
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/{name}/manifests/latest");
                get.Headers.Accept.ParseAdd(ManifestTypes);
                using var manifest = Http.Send(get);
                Expect(manifest, HttpStatusCode.OK, $"GET {name}:latest manifest");
                var bytes = manifest.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                var mediaType = manifest.Content.Headers.ContentType!.MediaType!;
                using var doc = JsonDocument.Parse(bytes);
                var blobs = new[] { doc.RootElement.GetProperty("config").GetProperty("digest").GetString()! }
                    .Concat(doc.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!))
                    .Distinct();
                foreach (var digest in blobs)
                {
                    using var mount = Http.Send(new HttpRequestMessage(HttpMethod.Post, $"http://{registry}/v2/{target}/blobs/uploads/?mount={digest}&from={name}"));
                    Expect(mount, HttpStatusCode.Created, $"mount {digest} from {name} into {target}");
                }
                using var put = new HttpRequestMessage(HttpMethod.Put, $"http://{registry}/v2/{target}/manifests/{tag}") { Content = new ByteArrayContent(bytes) };
                put.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                using var putResponse = Http.Send(put);
                Expect(putResponse, HttpStatusCode.Created, $"PUT {target}:{tag}");
            }
            catch (HttpRequestException e)
            {
                throw new XunitException($"The test registry {registry} (env OCI_TEST_REGISTRY) cannot be reached: {e.Message}. Start the test bed.");
            }
            return $"{registry}/{target}:{tag}";
        }

        /// <summary>
        /// Tags the auth registry's <c>private:latest</c> as <c>private:t-GUID</c> (the manifest copied byte for byte, with
        /// the test bed's credentials) and returns that reference: a private image certainly not in either engine.
        /// Mirrored by New-PrivateImageTag in tests/Pester/TestHelpers.ps1.
        /// </summary>
        public static string NewPrivateTag()
        {
            var registry = TestEnvironment.AuthRegistry;
            var tag = "t-" + Guid.NewGuid().ToString("N");
            var basic = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TestEnvironment.AuthUser + ":" + TestEnvironment.AuthPassword)));
            try
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/private/manifests/latest");
                get.Headers.Accept.ParseAdd(ManifestTypes);
                get.Headers.Authorization = basic;
                using var manifest = Http.Send(get);
                Expect(manifest, HttpStatusCode.OK, $"GET private:latest manifest from {registry}");
                var bytes = manifest.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                using var put = new HttpRequestMessage(HttpMethod.Put, $"http://{registry}/v2/private/manifests/{tag}") { Content = new ByteArrayContent(bytes) };
                put.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.Content.Headers.ContentType!.MediaType!);
                put.Headers.Authorization = basic;
                using var putResponse = Http.Send(put);
                Expect(putResponse, HttpStatusCode.Created, $"PUT private:{tag} to {registry}");
            }
            catch (HttpRequestException e)
            {
                throw new XunitException($"The auth test registry {registry} (env OCI_TEST_AUTH_REGISTRY) cannot be reached: {e.Message}. Start the test bed.");
            }
            return $"{registry}/private:{tag}";
        }

        private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
        {
            if (response.StatusCode != status)
                throw new XunitException($"Registry {response.RequestMessage?.RequestUri?.Authority}: {what} answered {(int)response.StatusCode} {response.ReasonPhrase}: " +
                                         response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }
    }
}
