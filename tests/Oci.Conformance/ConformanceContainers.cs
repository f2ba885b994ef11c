using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Conformance
{
    /// <summary>
    /// Short-lived containers the suite needs as props (an image or volume in use, a container's events). Oci's
    /// container methods are not what is tested here, so by default they are made through the Docker API directly
    /// (which Podman's compatible API serves too), with no network (<c>NetworkMode</c> none). Override
    /// <see cref="DriverConformanceTests.CreateContainers"/> for an engine reached otherwise.
    /// </summary>
    public class ConformanceContainers : IDisposable
    {
        private readonly HttpClient _http;

        /// <summary>Containers over the Docker API at <paramref name="endpoint"/> (<c>unix://</c> or <c>tcp://</c>).</summary>
        public ConformanceContainers(string endpoint)
        {
            var e = OciEndpoint.Parse(endpoint);
            var handler = new SocketsHttpHandler();
            if (e.IsUnixSocket)
            {
                handler.ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(e.Path!), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                };
            }
            _http = new HttpClient(handler)
            {
                BaseAddress = new Uri(e.IsUnixSocket ? "http://engine/v1.41/" : $"http://{e.Host}:{e.Port}/v1.41/"),
                Timeout = TimeSpan.FromMinutes(2),
            };
        }

        /// <summary>Creates a container of <paramref name="image"/> running <paramref name="command"/>, with labels and volumes mounted (<c>name:/path</c>); answers its id.</summary>
        public virtual async Task<string> CreateAsync(string image, string[] command, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyList<string>? binds = null, CancellationToken cancellationToken = default)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Image"] = image,
                ["Cmd"] = command,
                ["Labels"] = labels ?? new Dictionary<string, string>(),
                ["HostConfig"] = new Dictionary<string, object?> { ["NetworkMode"] = "none", ["Binds"] = binds ?? Array.Empty<string>() },
            });
            using var response = await SendAsync(HttpMethod.Post, "containers/create", body, cancellationToken);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return doc.RootElement.GetProperty("Id").GetString()!;
        }

        public virtual async Task StartAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Post, $"containers/{id}/start", null, cancellationToken)).Dispose();

        /// <summary>Waits for the container to exit.</summary>
        public virtual async Task WaitAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Post, $"containers/{id}/wait", null, cancellationToken)).Dispose();

        /// <summary>Removes the container, forced; one already gone is fine.</summary>
        public virtual async Task RemoveAsync(string id, CancellationToken cancellationToken = default)
        {
            using var response = await _http.DeleteAsync($"containers/{id}?force=1", cancellationToken);
            if (!response.IsSuccessStatusCode && (int)response.StatusCode != 404)
                throw new InvalidOperationException($"Removing container {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return response;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        public void Dispose()
        {
            _http.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
