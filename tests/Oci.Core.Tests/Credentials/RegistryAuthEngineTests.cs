using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Oci.Credentials;
using Oci.Tests.Discovery;
using Xunit;

namespace Oci.Tests.Credentials
{
    /// <summary>
    /// The header really reaches the test bed's auth registry (127.0.0.1:5001, htpasswd): a raw
    /// <c>POST /images/create</c> over each engine's unix socket, the way a driver will send it.
    /// </summary>
    public sealed class RegistryAuthEngineTests : IDisposable
    {
        private static readonly string Registry = Env("OCI_TEST_AUTH_REGISTRY", "127.0.0.1:5001");
        private static readonly string User = Env("OCI_TEST_AUTH_USER", "ociuser");
        private static readonly string Password = Env("OCI_TEST_AUTH_PASSWORD", "oci-Secret-42");
        private readonly CredentialSandbox _s = new();

        public void Dispose() => _s.Dispose();

        public static TheoryData<string> Engines => new() { "docker", "podman" };

        private static string Socket(string engine) => engine == "docker" ? DiscoverySandbox.DockerSocket : DiscoverySandbox.PodmanSocket;

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task An_explicit_credential_pulls(string engine)
        {
            var header = RegistryAuthHeader.Encode(new OciRegistryCredential(User, Password, Registry));
            await AssertPulls(engine, header);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task Without_credentials_the_registry_refuses(string engine)
        {
            await AssertRefused(engine, null);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task A_wrong_password_is_refused(string engine)
        {
            await AssertRefused(engine, RegistryAuthHeader.Encode(new OciRegistryCredential(User, "not-the-password", Registry)));
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task A_header_in_another_encoding_does_not_authenticate(string engine)
        {
            // base64 of "user:password" (HTTP Basic style) is not what engines read: dockerd silently pulls
            // anonymously (and is refused by the registry); Podman rejects the header outright.
            var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));
            if (engine == "docker")
            {
                await AssertRefused(engine, header);
                return;
            }
            using var http = Client(Socket(engine));
            var (status, body) = await PullAsync(http, header);
            Assert.Equal(400, status);
            Assert.Contains("failed to parse", body);
            Assert.Contains("X-Registry-Auth", body);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task A_credential_from_a_helper_on_PATH_pulls(string engine)
        {
            _s.Helper("ocitest", (Registry, User, Password));
            _s.WriteConfig("{\"credHelpers\":{\"" + Registry + "\":\"ocitest\"}}");
            var c = await OciCredentialResolver.ResolveForImageAsync(Registry + "/private:latest", _s.Options());
            Assert.Equal("credHelpers: docker-credential-ocitest", c!.Source);
            await AssertPulls(engine, RegistryAuthHeader.Encode(c));
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task A_credential_from_config_json_auths_pulls(string engine)
        {
            _s.WriteConfig("{\"auths\":{\"http://" + Registry + "\":" + CredentialSandbox.Auth(User, Password) + "}}");
            var c = await OciCredentialResolver.ResolveAsync(Registry, _s.Options());
            Assert.StartsWith("auths in ", c!.Source);
            await AssertPulls(engine, RegistryAuthHeader.Encode(c));
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task A_credential_from_podman_auth_json_pulls(string engine)
        {
            _s.Box.Write("xdg/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth(User, Password) + "}}");
            var c = await OciCredentialResolver.ResolveAsync(Registry, _s.Options());
            Assert.EndsWith("auth.json", c!.Source);
            await AssertPulls(engine, RegistryAuthHeader.Encode(c));
        }

        private static async Task AssertPulls(string engine, string header)
        {
            using var http = Client(Socket(engine));
            var reference = Registry + "/private:latest";
            try
            {
                var (status, body) = await PullAsync(http, header);
                Assert.True(status == 200, $"{engine}: HTTP {status}: {body}");
                Assert.DoesNotContain("errorDetail", body);
                Assert.DoesNotContain(Password, body);
                using var inspect = await http.GetAsync($"/v1.41/images/{reference}/json");
                Assert.True(inspect.IsSuccessStatusCode, $"{engine}: the pulled image is not there: HTTP {(int)inspect.StatusCode}");
            }
            finally
            {
                using var _ = await http.DeleteAsync($"/v1.41/images/{reference}");
            }
        }

        private static async Task AssertRefused(string engine, string? header)
        {
            using var http = Client(Socket(engine));
            var (status, body) = await PullAsync(http, header);
            // dockerd answers 500 up front; Podman's compat API answers 200, then an in-band error.
            Assert.True(status != 200 || body.Contains("errorDetail"), $"{engine} did not refuse: HTTP {status}: {body}");
            Assert.True(body.Contains("unauthorized: authentication required") || body.Contains("no basic auth credentials"), $"{engine}: {body}");
        }

        private static async Task<(int Status, string Body)> PullAsync(HttpClient http, string? header)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.41/images/create?fromImage={Uri.EscapeDataString(Registry + "/private")}&tag=latest");
            if (header is not null) request.Headers.Add(RegistryAuthHeader.Name, header);
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        private static HttpClient Client(string socketPath) => new(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = new Uri("http://engine"),
            Timeout = TimeSpan.FromSeconds(60),
        };

        private static string Env(string name, string fallback) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
    }
}
