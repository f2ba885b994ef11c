using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>
    /// What the test's own misbehaving servers share: a loopback port, a connection loop, reading an HTTP request's head,
    /// and dying at once — every connection reset, nothing listening (<see cref="KillAsync"/>).
    /// </summary>
    internal abstract class LoopbackServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<Socket, bool> _sockets = new();
        private int _dead;

        protected LoopbackServer() => _listener.Start();

        /// <summary>The loopback port it listens on.</summary>
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>True once it was killed.</summary>
        public bool Dead => Volatile.Read(ref _dead) != 0;

        protected CancellationToken Stopping => _stop.Token;

        /// <summary>Starts taking connections; the derived server calls it once it is ready to serve.</summary>
        protected void Start() => _ = Task.Run(AcceptAsync);

        /// <summary>Serves one connection until it returns (then the connection closes) or throws (the client went away).</summary>
        protected abstract Task ServeAsync(Socket socket, NetworkStream stream);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try { socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false); }
                catch (Exception) { return; }
                _sockets[socket] = true;
                _ = Task.Run(() => RunAsync(socket));
            }
        }

        private async Task RunAsync(Socket socket)
        {
            NetworkStream? stream = null;
            try
            {
                stream = new NetworkStream(socket, ownsSocket: true);
                await ServeAsync(socket, stream).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The client went away, or the server was killed.
            }
            finally
            {
                _sockets.TryRemove(socket, out _);
                if (stream is null) socket.Dispose();
                else await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>The request line and headers of the next request; a null line when the client closed the connection.</summary>
        protected async Task<(string? Line, Dictionary<string, string> Headers)> ReadHeadAsync(Stream stream)
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

        private async Task<string?> ReadLineAsync(Stream stream)
        {
            var sb = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0) return sb.Length == 0 ? null : sb.ToString();
                if (one[0] == '\n') return sb.ToString().TrimEnd('\r');
                sb.Append((char)one[0]);
            }
        }

        /// <summary>Writes an answer with a body of <paramref name="length"/> bytes (<paramref name="body"/>'s by default; none sent for HEAD).</summary>
        protected async Task AnswerAsync(Stream stream, string status, string headers, byte[]? body, long? length = null)
        {
            var head = $"HTTP/1.1 {status}\r\n{headers}Content-Length: {length ?? body?.Length ?? 0}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
            if (body is not null) await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
        }

        /// <summary>Closes <paramref name="socket"/> with a reset, as a process that dies does.</summary>
        protected static void Reset(Socket socket)
        {
            try { socket.LingerState = new LingerOption(true, 0); } catch (Exception) { }
            socket.Close();
        }

        /// <summary>The server dies: every connection is reset and nothing listens any more.</summary>
        public Task KillAsync()
        {
            if (Interlocked.Exchange(ref _dead, 1) == 1) return Task.CompletedTask;
            _stop.Cancel();
            _listener.Stop();
            foreach (var s in _sockets.Keys) Reset(s);
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await KillAsync().ConfigureAwait(false);
    }
}
