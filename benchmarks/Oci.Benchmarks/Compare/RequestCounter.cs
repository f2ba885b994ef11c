using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// A unix-socket relay in front of an engine that counts the HTTP requests passing through it (request lines seen
    /// going to the engine), so the runner can show how many round trips a connect takes on the real engines.
    /// </summary>
    public sealed class RequestCounter : IAsyncDisposable
    {
        private static readonly byte[] RequestLineEnd = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");
        private readonly Socket _listener;
        private readonly string _engineSocket;
        private readonly string _path;
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        public RequestCounter(string engineSocket)
        {
            _engineSocket = engineSocket;
            _path = Path.Combine(Path.GetTempPath(), $"oci-bench-{Guid.NewGuid():N}.sock");
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(_path));
            _listener.Listen(16);
            _ = AcceptAsync();
        }

        public string Endpoint => "unix://" + _path;

        public int Requests => Volatile.Read(ref _requests);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client;
                try { client = await _listener.AcceptAsync(_stop.Token); }
                catch (Exception) { return; }
                _ = RelayAsync(client);
            }
        }

        private async Task RelayAsync(Socket client)
        {
            using var c = client;
            using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await engine.ConnectAsync(new UnixDomainSocketEndPoint(_engineSocket));
            await Task.WhenAny(CopyAsync(c, engine, count: true), CopyAsync(engine, c, count: false));
        }

        private async Task CopyAsync(Socket from, Socket to, bool count)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int n;
                while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                {
                    // Request lines are short and come first in a write: a split across reads is not a concern for a count.
                    if (count) Interlocked.Add(ref _requests, Occurrences(buffer.AsSpan(0, n)));
                    await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
                }
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // Either side went away: the relay of this connection ends.
            }
        }

        private static int Occurrences(ReadOnlySpan<byte> data)
        {
            var n = 0;
            int at;
            while ((at = data.IndexOf(RequestLineEnd)) >= 0)
            {
                n++;
                data = data.Slice(at + RequestLineEnd.Length);
            }
            return n;
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Dispose();
            File.Delete(_path);
            return default;
        }
    }
}
