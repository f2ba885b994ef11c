using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Conformance
{
    /// <summary>
    /// A byte-counting relay in front of an engine endpoint (<c>unix://</c>, <c>tcp://</c>, <c>http://</c>): whatever
    /// protocol the driver speaks, the suite can tell whether a request reached the engine at all.
    /// </summary>
    public sealed class ByteRelay : IAsyncDisposable
    {
        private readonly Socket _listener;
        private readonly EndPoint _upstream;
        private readonly string? _socketPath;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<Socket> _sockets = new();
        private readonly Task _accept;
        private long _bytesToEngine;

        private ByteRelay(Socket listener, EndPoint upstream, string endpoint, string? socketPath)
        {
            _listener = listener;
            _upstream = upstream;
            _socketPath = socketPath;
            Endpoint = endpoint;
            _accept = Task.Run(AcceptLoopAsync);
        }

        /// <summary>The relay's own endpoint, in the same scheme as the engine's.</summary>
        public string Endpoint { get; }

        /// <summary>Bytes sent towards the engine so far.</summary>
        public long BytesToEngine => Interlocked.Read(ref _bytesToEngine);

        /// <summary>A relay in front of <paramref name="endpoint"/>, or null when its scheme cannot be relayed (npipe, https, custom).</summary>
        public static ByteRelay? TryStart(string endpoint)
        {
            var sep = endpoint.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0) return null;
            var scheme = endpoint.Substring(0, sep).ToLowerInvariant();
            var rest = endpoint.Substring(sep + 3);
            if (scheme == "unix")
            {
                var path = Path.Combine(Path.GetTempPath(), $"oci-relay-{Guid.NewGuid():N}.sock");
                var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                listener.Bind(new UnixDomainSocketEndPoint(path));
                listener.Listen(64);
                return new ByteRelay(listener, new UnixDomainSocketEndPoint(rest), "unix://" + path, path);
            }
            if (scheme is "tcp" or "http")
            {
                if (!Uri.TryCreate("http://" + rest.TrimEnd('/'), UriKind.Absolute, out var uri)) return null;
                var port = uri.IsDefaultPort && scheme == "tcp" ? 2375 : uri.Port;
                var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                listener.Listen(64);
                var local = (IPEndPoint)listener.LocalEndPoint!;
                return new ByteRelay(listener, new DnsEndPoint(uri.Host.Trim('[', ']'), port), $"{scheme}://127.0.0.1:{local.Port}", null);
            }
            return null;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }
                _sockets.Add(client);
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(Socket client)
        {
            var upstream = _upstream is UnixDomainSocketEndPoint
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            _sockets.Add(upstream);
            try
            {
                await upstream.ConnectAsync(_upstream, _stop.Token).ConfigureAwait(false);
                var up = PumpAsync(client, upstream, counted: true);
                var down = PumpAsync(upstream, client, counted: false);
                await Task.WhenAny(up, down).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The relay only observes; a broken side just ends the pair.
            }
            finally
            {
                client.Dispose();
                upstream.Dispose();
            }
        }

        private async Task PumpAsync(Socket from, Socket to, bool counted)
        {
            var buffer = new byte[81920];
            try
            {
                while (true)
                {
                    var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                    if (n == 0) break;
                    if (counted) Interlocked.Add(ref _bytesToEngine, n);
                    await to.SendAsync(new ArraySegment<byte>(buffer, 0, n), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                }
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // Closed by either side or by disposal.
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Dispose();
            foreach (var s in _sockets) s.Dispose();
            try { await _accept.ConfigureAwait(false); } catch (Exception) { }
            if (_socketPath is not null)
            {
                try { File.Delete(_socketPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            _stop.Dispose();
        }
    }
}
