using System;
using System.IO;
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
    internal sealed class FaultyRegistry : LoopbackServer
    {
        private const int LayerSize = 64 * 1024 * 1024;
        private const string Api = "Docker-Distribution-API-Version: registry/2.0\r\n";
        private readonly byte[] _config;
        private readonly byte[] _manifest;
        private readonly string _configDigest;
        private readonly string _layerDigest;
        private long _layerBytesSent;
        private long _uploadBytesRead;

        public FaultyRegistry(RegistryFault fault)
        {
            Fault = fault;
            _layerDigest = "sha256:" + Hex(RandomNumberGenerator.GetBytes(32));
            _config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + Hex(RandomNumberGenerator.GetBytes(32)) + "\"]}}");
            _configDigest = "sha256:" + Hex(SHA256.HashData(_config));
            _manifest = Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + $"\"config\":{{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":{_config.Length},\"digest\":\"{_configDigest}\"}},"
                + $"\"layers\":[{{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":{LayerSize},\"digest\":\"{_layerDigest}\"}}]}}");
            Start();
        }

        public RegistryFault Fault { get; }

        /// <summary>How much of the layer <see cref="RegistryFault.DieMidBlob"/> sends before the registry dies.</summary>
        public int DieAfterBytes { get; init; } = 1024 * 1024;

        /// <summary>host:port.</summary>
        public string Address => "127.0.0.1:" + Port;

        /// <summary>The image it serves.</summary>
        public string Image => Address + "/fault:latest";

        public long LayerBytesSent => Interlocked.Read(ref _layerBytesSent);

        public long UploadBytesRead => Interlocked.Read(ref _uploadBytesRead);

        protected override async Task ServeAsync(Socket socket, NetworkStream stream)
        {
            // dockerd tries HTTPS first: a TLS hello is refused at once, so it falls back to plain HTTP without waiting.
            var first = new byte[1];
            if (await socket.ReceiveAsync(first, SocketFlags.Peek).ConfigureAwait(false) == 0 || first[0] == 0x16) return;
            while (!Stopping.IsCancellationRequested)
            {
                var (line, _) = await ReadHeadAsync(stream).ConfigureAwait(false);
                if (line is null) return;
                var parts = line.Split(' ');
                var (method, path) = (parts[0], parts[1].Split('?')[0]);
                var head = method == "HEAD";
                if (method == "GET" && path == "/v2/") await AnswerAsync(stream, "200 OK", Api + "Content-Type: application/json\r\n", Encoding.UTF8.GetBytes("{}")).ConfigureAwait(false);
                else if (path.Contains("/manifests/")) await BlobAsync(stream, "application/vnd.docker.distribution.manifest.v2+json", _manifest, "sha256:" + Hex(SHA256.HashData(_manifest)), head).ConfigureAwait(false);
                else if (path.EndsWith("/blobs/" + _configDigest, StringComparison.Ordinal)) await BlobAsync(stream, "application/octet-stream", _config, _configDigest, head).ConfigureAwait(false);
                else if (method == "GET" && path.EndsWith("/blobs/" + _layerDigest, StringComparison.Ordinal)) { await LayerAsync(stream).ConfigureAwait(false); return; }
                else if (head && path.Contains("/blobs/")) await AnswerAsync(stream, "404 Not Found", Api, null).ConfigureAwait(false);
                else if (method == "POST" && path.EndsWith("/blobs/uploads/", StringComparison.Ordinal))
                    await AnswerAsync(stream, "202 Accepted", Api + $"Location: {path}{Guid.NewGuid():N}\r\nRange: 0-0\r\nDocker-Upload-UUID: {Guid.NewGuid()}\r\n", null).ConfigureAwait(false);
                else if (method is "PATCH" or "PUT") { await UploadAsync(stream).ConfigureAwait(false); return; }
                else await AnswerAsync(stream, "404 Not Found", Api + "Content-Type: application/json\r\n", Encoding.UTF8.GetBytes("{\"errors\":[{\"code\":\"UNKNOWN\"}]}")).ConfigureAwait(false);
            }
        }

        private Task BlobAsync(Stream stream, string type, byte[] body, string digest, bool head) =>
            AnswerAsync(stream, "200 OK", Api + $"Content-Type: {type}\r\nDocker-Content-Digest: {digest}\r\n", head ? null : body, body.Length);

        private async Task LayerAsync(NetworkStream stream)
        {
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {LayerSize}\r\nDocker-Content-Digest: {_layerDigest}\r\n\r\n");
            await stream.WriteAsync(head, Stopping).ConfigureAwait(false);
            var chunk = new byte[Fault == RegistryFault.Trickle ? 4096 : 65536];
            RandomNumberGenerator.Fill(chunk);
            while (!Stopping.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, Stopping).ConfigureAwait(false);
                await stream.FlushAsync(Stopping).ConfigureAwait(false);
                var sent = Interlocked.Add(ref _layerBytesSent, chunk.Length);
                if (Fault == RegistryFault.Trickle) await Task.Delay(100, Stopping).ConfigureAwait(false);
                else if (sent >= DieAfterBytes) { await KillAsync().ConfigureAwait(false); return; }
            }
        }

        private async Task UploadAsync(NetworkStream stream)
        {
            var buffer = new byte[4096];
            while (!Stopping.IsCancellationRequested)
            {
                var n = await stream.ReadAsync(buffer, Stopping).ConfigureAwait(false);
                if (n == 0) return;
                Interlocked.Add(ref _uploadBytesRead, n);
                await Task.Delay(100, Stopping).ConfigureAwait(false);
            }
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
