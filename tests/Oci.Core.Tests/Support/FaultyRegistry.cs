using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>How a <see cref="FaultyRegistry"/> misbehaves once a layer is asked for.</summary>
    internal enum RegistryFault
    {
        /// <summary>Layers come a few KB at a time and never end; uploads are read as slowly and never answered.</summary>
        Trickle,
        /// <summary>After <see cref="FaultyRegistry.DieAfterBytes"/> bytes of a layer the registry dies: every connection reset, nothing listening.</summary>
        DieMidBlob,
    }

    /// <summary>
    /// A plain-HTTP registry of the test's own on loopback (dockerd treats 127.0.0.0/8 registries as insecure) serving
    /// one image, <c>fault:latest</c>, whose one layer is unique to the instance (no engine has it), and misbehaving as
    /// <see cref="Fault"/> says once the layer or an upload is asked for.
    /// </summary>
    internal sealed class FaultyRegistry : IAsyncDisposable
    {
        private const int LayerSize = 64 * 1024 * 1024;
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<Socket, bool> _sockets = new();
        private readonly byte[] _config;
        private readonly byte[] _manifest;
        private readonly string _configDigest;
        private readonly string _layerDigest;
        private long _layerBytesSent;
        private long _uploadBytesRead;
        private int _dead;

        public FaultyRegistry(RegistryFault fault)
        {
            Fault = fault;
            _layerDigest = "sha256:" + Hex(RandomNumberGenerator.GetBytes(32));
            _config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + Hex(RandomNumberGenerator.GetBytes(32)) + "\"]}}");
            _configDigest = "sha256:" + Hex(SHA256.HashData(_config));
            _manifest = Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + $"\"config\":{{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":{_config.Length},\"digest\":\"{_configDigest}\"}},"
                + $"\"layers\":[{{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":{LayerSize},\"digest\":\"{_layerDigest}\"}}]}}");
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public RegistryFault Fault { get; }

        /// <summary>How much of the layer <see cref="RegistryFault.DieMidBlob"/> sends before the registry dies.</summary>
        public int DieAfterBytes { get; init; } = 1024 * 1024;

        /// <summary>host:port.</summary>
        public string Address => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>The image it serves.</summary>
        public string Image => Address + "/fault:latest";

        public long LayerBytesSent => Interlocked.Read(ref _layerBytesSent);

        public long UploadBytesRead => Interlocked.Read(ref _uploadBytesRead);

        public bool Dead => Volatile.Read(ref _dead) != 0;

        /// <summary>Every request line received, in order.</summary>
        public ConcurrentQueue<string> Requests { get; } = new();

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try { socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false); }
                catch (Exception) { return; }
                _sockets[socket] = true;
                _ = Task.Run(() => ServeAsync(socket));
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            NetworkStream? stream = null;
            try
            {
                stream = new NetworkStream(socket, ownsSocket: true);
                // dockerd tries HTTPS first: a TLS hello is refused at once, so it falls back to plain HTTP without waiting.
                var first = new byte[1];
                if (await socket.ReceiveAsync(first, SocketFlags.Peek).ConfigureAwait(false) == 0 || first[0] == 0x16) return;
                while (!_stop.IsCancellationRequested)
                {
                    var (line, headers) = await ReadHeadAsync(stream).ConfigureAwait(false);
                    if (line is null) return;
                    Requests.Enqueue(line);
                    var parts = line.Split(' ');
                    var (method, path) = (parts[0], parts[1].Split('?')[0]);
                    if (method == "GET" && path == "/v2/") await AnswerAsync(stream, "200 OK", "application/json", Encoding.UTF8.GetBytes("{}")).ConfigureAwait(false);
                    else if (path.Contains("/manifests/")) await AnswerAsync(stream, "200 OK", "application/vnd.docker.distribution.manifest.v2+json", method == "HEAD" ? null : _manifest, _manifest.Length, "sha256:" + Hex(SHA256.HashData(_manifest))).ConfigureAwait(false);
                    else if (path.EndsWith("/blobs/" + _configDigest, StringComparison.Ordinal)) await AnswerAsync(stream, "200 OK", "application/octet-stream", method == "HEAD" ? null : _config, _config.Length, _configDigest).ConfigureAwait(false);
                    else if (method == "GET" && path.EndsWith("/blobs/" + _layerDigest, StringComparison.Ordinal)) { await LayerAsync(stream).ConfigureAwait(false); return; }
                    else if (method == "HEAD" && path.Contains("/blobs/")) await AnswerAsync(stream, "404 Not Found", "application/json", null, 0).ConfigureAwait(false);
                    else if (method == "POST" && path.EndsWith("/blobs/uploads/", StringComparison.Ordinal))
                        await AnswerAsync(stream, "202 Accepted", "text/plain", Array.Empty<byte>(), 0, null, $"Location: {path}{Guid.NewGuid():N}\r\nRange: 0-0\r\nDocker-Upload-UUID: {Guid.NewGuid()}\r\n").ConfigureAwait(false);
                    else if (method is "PATCH" or "PUT") { await UploadAsync(stream).ConfigureAwait(false); return; }
                    else await AnswerAsync(stream, "404 Not Found", "application/json", Encoding.UTF8.GetBytes("{\"errors\":[{\"code\":\"UNKNOWN\"}]}")).ConfigureAwait(false);
                    _ = headers;
                }
            }
            catch (Exception)
            {
                // A client that went away, or the registry killed.
            }
            finally
            {
                _sockets.TryRemove(socket, out _);
                if (stream is null) socket.Dispose();
                else await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        private async Task LayerAsync(NetworkStream stream)
        {
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {LayerSize}\r\nDocker-Content-Digest: {_layerDigest}\r\n\r\n");
            await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
            var chunk = new byte[Fault == RegistryFault.Trickle ? 4096 : 65536];
            RandomNumberGenerator.Fill(chunk);
            while (!_stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                var sent = Interlocked.Add(ref _layerBytesSent, chunk.Length);
                if (Fault == RegistryFault.Trickle) await Task.Delay(100, _stop.Token).ConfigureAwait(false);
                else if (sent >= DieAfterBytes) { await KillAsync().ConfigureAwait(false); return; }
            }
        }

        private async Task UploadAsync(NetworkStream stream)
        {
            var buffer = new byte[4096];
            while (!_stop.IsCancellationRequested)
            {
                var n = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0) return;
                Interlocked.Add(ref _uploadBytesRead, n);
                await Task.Delay(100, _stop.Token).ConfigureAwait(false);
            }
        }

        private static async Task<(string? Line, Dictionary<string, string> Headers)> ReadHeadAsync(Stream stream)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var line = await ReadLineAsync(stream).ConfigureAwait(false);
            while (line is { Length: 0 }) line = await ReadLineAsync(stream).ConfigureAwait(false);
            if (line is null) return (null, headers);
            string? h;
            while (!string.IsNullOrEmpty(h = await ReadLineAsync(stream).ConfigureAwait(false)))
            {
                var colon = h.IndexOf(':');
                if (colon > 0) headers[h.Substring(0, colon).Trim()] = h.Substring(colon + 1).Trim();
            }
            return (line, headers);
        }

        private static async Task<string?> ReadLineAsync(Stream stream)
        {
            var sb = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one).ConfigureAwait(false) == 0) return sb.Length == 0 ? null : sb.ToString();
                if (one[0] == '\n') return sb.ToString().TrimEnd('\r');
                sb.Append((char)one[0]);
            }
        }

        private async Task AnswerAsync(Stream stream, string status, string type, byte[]? body, long? length = null, string? digest = null, string extra = "")
        {
            var head = $"HTTP/1.1 {status}\r\nDocker-Distribution-API-Version: registry/2.0\r\nContent-Type: {type}\r\nContent-Length: {length ?? body?.Length ?? 0}\r\n"
                       + (digest is null ? string.Empty : $"Docker-Content-Digest: {digest}\r\n") + extra + "\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
            if (body is not null) await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
        }

        /// <summary>The registry dies: every connection is reset and nothing listens any more.</summary>
        public Task KillAsync()
        {
            if (Interlocked.Exchange(ref _dead, 1) == 1) return Task.CompletedTask;
            _stop.Cancel();
            _listener.Stop();
            foreach (var s in _sockets.Keys)
            {
                try { s.LingerState = new LingerOption(true, 0); } catch (Exception) { }
                s.Dispose();
            }
            return Task.CompletedTask;
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

        public async ValueTask DisposeAsync() => await KillAsync().ConfigureAwait(false);
    }
}
