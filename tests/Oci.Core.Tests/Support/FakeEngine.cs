using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>
    /// A tiny HTTP/1.1 server on loopback that answers like a Docker engine (or, with <c>podman</c>, like Podman's API
    /// service) to /_ping and /version and records every request line, so tests can prove what was (not) sent. With
    /// <c>silent</c> it accepts and never answers.
    /// </summary>
    internal sealed class FakeEngine : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly bool _silent;
        private readonly bool _podman;
        private readonly Task _loop;

        public FakeEngine(bool silent = false, IPAddress? address = null, bool podman = false)
        {
            _silent = silent;
            _podman = podman;
            _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
            _listener.Start();
            _loop = Task.Run(AcceptLoopAsync);
        }

        public string Endpoint => $"tcp://{((IPEndPoint)_listener.LocalEndpoint).Address}:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public ConcurrentQueue<string> RequestLines { get; } = new();

        /// <summary>How many connections were accepted.</summary>
        public int Connections => Volatile.Read(ref _connections);

        private int _connections;

        /// <summary>The header lines of every request, in arrival order.</summary>
        public ConcurrentQueue<string> HeaderLines { get; } = new();

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var line = await reader.ReadLineAsync(_stop.Token);
                    if (line is null) return;
                    RequestLines.Enqueue(line);
                    string? header;
                    while (!string.IsNullOrEmpty(header = await reader.ReadLineAsync(_stop.Token))) HeaderLines.Enqueue(header);
                    if (_silent) { await Task.Delay(Timeout.Infinite, _stop.Token); return; }
                    var path = line.Split(' ')[1];
                    var body = path.EndsWith("/_ping") ? "OK"
                        : path.EndsWith("/version") ? "{\"Version\":\"99.0.0-fake\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\",\"Arch\":\"amd64\"}"
                        : "{\"message\":\"fake engine: not implemented\"}";
                    var status = path.EndsWith("/_ping") || path.EndsWith("/version") ? "200 OK" : "500 Internal Server Error";
                    var type = path.EndsWith("/_ping") ? "text/plain" : "application/json";
                    var bytes = Encoding.UTF8.GetBytes(body);
                    var server = _podman ? "Libpod/99.0.0-fake (linux)\r\nLibpod-Api-Version: 4.9.3" : "Docker/99.0.0-fake (linux)";
                    var head = $"HTTP/1.1 {status}\r\nApi-Version: 1.41\r\nServer: {server}\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    await stream.WriteAsync(bytes, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested) { }
            catch (IOException) { }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try { await _loop; } catch (Exception) { }
        }
    }
}
