using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>Where the real engines of the test bed (eng/engines.sh) answer; defaults match its fixed layout.</summary>
    internal static class TestBed
    {
        public static string DockerHost => Env("OCI_TEST_DOCKER_HOST", "unix:///tmp/oci-testbed/docker/docker.sock");
        public static string Registry => Env("OCI_TEST_REGISTRY", "127.0.0.1:5000");
        public static string PodmanHost => Env("OCI_TEST_PODMAN_HOST", "unix:///tmp/oci-testbed/podman/podman.sock");

        /// <summary>The registry with htpasswd basic auth, its user and password, and its one image.</summary>
        public static string AuthRegistry => Env("OCI_TEST_AUTH_REGISTRY", "127.0.0.1:5001");
        public static string AuthUser => Env("OCI_TEST_AUTH_USER", "ociuser");
        public static string AuthPassword => Env("OCI_TEST_AUTH_PASSWORD", "oci-Secret-42");
        public static string Private => $"{AuthRegistry}/private:latest";

        /// <summary>A registry address nothing listens on: a stopped registry, as the engine sees it.</summary>
        public const string DeadRegistry = "127.0.0.1:5009";

        public static string Small => $"{Registry}/small:latest";
        public static string Big => $"{Registry}/big:latest";
        public static string Layers => $"{Registry}/layers:latest";

        /// <summary>The manifest digest the registry holds for <paramref name="repository"/>:<paramref name="tag"/>.</summary>
        public static async Task<string> ManifestDigestAsync(string repository, string tag)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{Registry}/v2/{repository}/manifests/{tag}");
            request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
            request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var digest = string.Join("", response.Headers.GetValues("Docker-Content-Digest"));
            if (!Regex.IsMatch(digest, "^sha256:[a-f0-9]{64}$")) throw new InvalidOperationException($"Unexpected digest '{digest}' from the registry.");
            return digest;
        }

        private static string Env(string name, string fallback)
        {
            var v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? fallback : v!;
        }
    }
}
