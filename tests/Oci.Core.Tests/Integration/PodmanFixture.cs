using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Tests.Integration
{
    /// <summary>One client to the test bed's Podman service shared by a collection (Podman's tests go one at a time: they remove and pull the same images).</summary>
    public sealed class PodmanFixture : IAsyncLifetime
    {
        private OciClient? _client;

        public static string PodmanHost
        {
            get
            {
                var v = Environment.GetEnvironmentVariable("OCI_TEST_PODMAN_HOST");
                return string.IsNullOrWhiteSpace(v) ? "unix:///tmp/oci-testbed/podman/podman.sock" : v;
            }
        }

        public OciClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

        public async Task InitializeAsync()
        {
            try
            {
                _client = await OciClient.ConnectAsync("podman", PodmanHost);
            }
            catch (OciException e)
            {
                throw new InvalidOperationException($"The test bed's Podman service at {PodmanHost} is not answering ({e.Message}). Run: bash eng/engines.sh up", e);
            }
        }

        public async Task DisposeAsync()
        {
            if (_client is not null) await _client.DisposeAsync();
        }

        /// <summary>Removes the image <paramref name="reference"/> names, every tag of it, so the next pull really downloads.</summary>
        public async Task RemoveImageAsync(string reference)
        {
            try
            {
                var id = ((OciImage)(await Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, reference))).Data!).Id;
                await Client.ExecuteAsync(new OciRequest(OciMethods.Remove, OciKind.Image, id, new System.Collections.Generic.Dictionary<string, object?> { ["force"] = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
        }

        /// <summary>An HTTP client straight onto Podman's socket, to see what the engine itself answers.</summary>
        public static HttpClient RawClient()
        {
            var path = PodmanHost.Substring("unix://".Length);
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            return new HttpClient(handler) { BaseAddress = new Uri("http://podman/") };
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PodmanCollection : ICollectionFixture<PodmanFixture>
    {
        public const string Name = "podman engine";
    }
}
