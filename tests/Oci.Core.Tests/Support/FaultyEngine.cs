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
    /// <summary>How a <see cref="FaultyEngine"/> answers what is not a ping.</summary>
    public enum EngineFault
    {
        /// <summary>As dockerd: a version, an empty image list.</summary>
        None,
        /// <summary>Bytes that are not HTTP, then the connection closes.</summary>
        Garbage,
        /// <summary>The connection is reset at once.</summary>
        Reset,
        /// <summary>HTTP 500 with a megabyte of HTML (a proxy's error page).</summary>
        ErrorPage,
        /// <summary>A status line, then a byte a second, never a whole answer.</summary>
        Slowloris,
        /// <summary>A pull's progress stream that starts, then the connection is reset.</summary>
        DiesMidStream,
        /// <summary>JSON that is not what the API promises (an object where a list is due, truncated text).</summary>
        WrongJson,
    }

    /// <summary>
    /// An engine of the test's own on loopback: it answers pings as dockerd does (so a client connects) and everything
    /// else as <see cref="Fault"/> says, which the test may change between calls to see the same client recover.
    /// </summary>
    internal sealed class FaultyEngine : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<Socket, bool> _sockets = new();

        public FaultyEngine()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public EngineFault Fault { get; set; }

        public string Endpoint => "tcp://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

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
                while (!_stop.IsCancellationRequested)
                {
                    var line = await ReadHeadAsync(stream).ConfigureAwait(false);
                    if (line is null) return;
                    var path = line.Split(' ')[1];
                    if (path.EndsWith("/_ping", StringComparison.Ordinal))
                    {
                        await AnswerAsync(stream, "200 OK", "text/plain", "OK").ConfigureAwait(false);
                        continue;
                    }
                    switch (Fault)
                    {
                        case EngineFault.None:
                            await AnswerAsync(stream, "200 OK", "application/json",
                                path.Contains("/version") ? "{\"Version\":\"99.0.0-fake\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\",\"Arch\":\"amd64\"}" : "[]").ConfigureAwait(false);
                            continue;
                        case EngineFault.Garbage:
                            await stream.WriteAsync(Encoding.ASCII.GetBytes("\u0001\u0002 this is not HTTP at all\r\n\r\n"), _stop.Token).ConfigureAwait(false);
                            return;
                        case EngineFault.Reset:
                            Reset(socket);
                            return;
                        case EngineFault.ErrorPage:
                            await AnswerAsync(stream, "500 Internal Server Error", "text/html", "<html><body>" + new string('x', 1024 * 1024) + "</body></html>").ConfigureAwait(false);
                            continue;
                        case EngineFault.Slowloris:
                            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n"), _stop.Token).ConfigureAwait(false);
                            while (!_stop.IsCancellationRequested)
                            {
                                await stream.WriteAsync(new[] { (byte)'X' }, _stop.Token).ConfigureAwait(false);
                                await Task.Delay(1000, _stop.Token).ConfigureAwait(false);
                            }
                            return;
                        case EngineFault.DiesMidStream:
                            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), _stop.Token).ConfigureAwait(false);
                            var progress = "{\"status\":\"Pulling fs layer\",\"id\":\"abc123\"}\r\n";
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{progress.Length:x}\r\n{progress}\r\n"), _stop.Token).ConfigureAwait(false);
                            await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                            await Task.Delay(200, _stop.Token).ConfigureAwait(false);
                            Reset(socket);
                            return;
                        case EngineFault.WrongJson:
                            await AnswerAsync(stream, "200 OK", "application/json", path.Contains("/version") ? "[1,2,3]" : "{\"Id\": \"trunc").ConfigureAwait(false);
                            continue;
                    }
                }
            }
            catch (Exception)
            {
                // The client went away, or the engine was disposed.
            }
            finally
            {
                _sockets.TryRemove(socket, out _);
                if (stream is null) socket.Dispose();
                else stream.Dispose();
            }
        }

        private static void Reset(Socket socket)
        {
            try { socket.LingerState = new LingerOption(true, 0); } catch (Exception) { }
            socket.Close();
        }

        private async Task<string?> ReadHeadAsync(Stream stream)
        {
            string? first = null;
            var sb = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0) return null;
                if (one[0] != '\n') { sb.Append((char)one[0]); continue; }
                var line = sb.ToString().TrimEnd('\r');
                sb.Clear();
                if (first is null) { if (line.Length > 0) first = line; continue; }
                if (line.Length == 0) return first; // requests here carry no body (GET, POST without one)
            }
        }

        private async Task AnswerAsync(Stream stream, string status, string type, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status}\r\nApi-Version: 1.41\r\nServer: Docker/99.0.0-fake (linux)\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
            await stream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (var s in _sockets.Keys) s.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
