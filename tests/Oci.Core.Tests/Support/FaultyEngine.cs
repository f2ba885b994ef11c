using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
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
    internal sealed class FaultyEngine : LoopbackServer
    {
        private const string Server = "Api-Version: 1.41\r\nServer: Docker/99.0.0-fake (linux)\r\n";

        public FaultyEngine() => Start();

        public EngineFault Fault { get; set; }

        public string Endpoint => "tcp://127.0.0.1:" + Port;

        protected override async Task ServeAsync(Socket socket, NetworkStream stream)
        {
            while (!Stopping.IsCancellationRequested)
            {
                var (line, _) = await ReadHeadAsync(stream).ConfigureAwait(false); // requests here carry no body
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
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("\u0001\u0002 this is not HTTP at all\r\n\r\n"), Stopping).ConfigureAwait(false);
                        return;
                    case EngineFault.Reset:
                        Reset(socket);
                        return;
                    case EngineFault.ErrorPage:
                        await AnswerAsync(stream, "500 Internal Server Error", "text/html", "<html><body>" + new string('x', 1024 * 1024) + "</body></html>").ConfigureAwait(false);
                        continue;
                    case EngineFault.Slowloris:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n"), Stopping).ConfigureAwait(false);
                        while (!Stopping.IsCancellationRequested)
                        {
                            await stream.WriteAsync(new[] { (byte)'X' }, Stopping).ConfigureAwait(false);
                            await Task.Delay(1000, Stopping).ConfigureAwait(false);
                        }
                        return;
                    case EngineFault.DiesMidStream:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), Stopping).ConfigureAwait(false);
                        var progress = "{\"status\":\"Pulling fs layer\",\"id\":\"abc123\"}\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{progress.Length:x}\r\n{progress}\r\n"), Stopping).ConfigureAwait(false);
                        await stream.FlushAsync(Stopping).ConfigureAwait(false);
                        await Task.Delay(200, Stopping).ConfigureAwait(false);
                        Reset(socket);
                        return;
                    case EngineFault.WrongJson:
                        await AnswerAsync(stream, "200 OK", "application/json", path.Contains("/version") ? "[1,2,3]" : "{\"Id\": \"trunc").ConfigureAwait(false);
                        continue;
                }
            }
        }

        private Task AnswerAsync(Stream stream, string status, string type, string body) =>
            AnswerAsync(stream, status, Server + "Content-Type: " + type + "\r\n", Encoding.UTF8.GetBytes(body));
    }
}
