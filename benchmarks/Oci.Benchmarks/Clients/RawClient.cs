using System;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Clients
{
    /// <summary>
    /// The floor: a keep-alive <see cref="HttpClient"/> over the engine's unix socket (one pooled connection reused), which
    /// reads each answer's bytes and does nothing else with them.
    /// </summary>
    public sealed class RawClient : IEngineClient
    {
        private readonly HttpClient _http;
        private string _prefix = "v1.41/";

        private RawClient(BenchEngine engine)
        {
            var handler = new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(engine.SocketPath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
        }

        public string Name => "raw HttpClient";

        public static async Task<RawClient> ConnectAsync(BenchEngine engine)
        {
            var client = new RawClient(engine);
            using var ping = await client._http.GetAsync("_ping");
            // The same API version Oci negotiates, so both ask for the same answer.
            if (ping.Headers.TryGetValues("Api-Version", out var v)) client._prefix = "v" + v.First() + "/";
            return client;
        }

        /// <summary>The client itself, for the 64-way throughput run.</summary>
        public HttpClient Http => _http;

        public async Task PingAsync()
        {
            using var r = await _http.GetAsync("_ping");
            r.EnsureSuccessStatusCode();
        }

        public Task InspectAsync(string image) => _http.GetByteArrayAsync(_prefix + "images/" + image + "/json");

        public Task ListAsync() => _http.GetByteArrayAsync(_prefix + "images/json");

        /// <summary>Any request on the same transport (the seeding's imports).</summary>
        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

        public string Prefix => _prefix;

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            return default;
        }
    }
}
