using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>
    /// A unix socket of the test's own in front of a real engine's socket, which the test can kill (every connection
    /// reset, nothing listening: the engine is gone, as the client sees it) and start again on the same path (the engine
    /// restarted) without disturbing the shared test bed's engine behind it.
    /// </summary>
    internal sealed class EngineRelay : IAsyncDisposable
    {
        private readonly string _upstream;
        private readonly ConcurrentDictionary<Socket, bool> _sockets = new();
        private Socket? _listener;
        private CancellationTokenSource? _stop;
        private Task? _accept;
        private long _bytesFromEngine;

        public EngineRelay(string engineEndpoint)
        {
            _upstream = engineEndpoint.StartsWith("unix://", StringComparison.Ordinal) ? engineEndpoint.Substring(7)
                : throw new ArgumentException("The relay fronts unix:// engines.", nameof(engineEndpoint));
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oci-relay-{Guid.NewGuid():N}.sock");
            Start();
        }

        public string Path { get; }

        public string Endpoint => "unix://" + Path;

        /// <summary>Bytes the engine has sent through the relay so far.</summary>
        public long BytesFromEngine => Interlocked.Read(ref _bytesFromEngine);

        /// <summary>Listens (again) on <see cref="Path"/>.</summary>
        public void Start()
        {
            if (_listener is not null) throw new InvalidOperationException("The relay is already listening.");
            File.Delete(Path);
            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(Path));
            listener.Listen(128);
            _listener = listener;
            _stop = new CancellationTokenSource();
            var stop = _stop.Token;
            _accept = Task.Run(() => AcceptAsync(listener, stop));
        }

        /// <summary>The engine dies: every connection is reset and nothing listens until <see cref="Start"/>.</summary>
        public async Task KillAsync()
        {
            var listener = Interlocked.Exchange(ref _listener, null);
            if (listener is null) return;
            _stop!.Cancel();
            listener.Dispose();
            foreach (var s in _sockets.Keys)
            {
                try { s.LingerState = new LingerOption(true, 0); } catch (Exception) { }
                s.Dispose();
            }
            _sockets.Clear();
            try { await _accept!.ConfigureAwait(false); } catch (Exception) { }
            File.Delete(Path);
        }

        private async Task AcceptAsync(Socket listener, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                Socket client;
                try { client = await listener.AcceptAsync(stop).ConfigureAwait(false); }
                catch (Exception) { return; }
                _sockets[client] = true;
                _ = Task.Run(() => ServeAsync(client, stop));
            }
        }

        private async Task ServeAsync(Socket client, CancellationToken stop)
        {
            var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _sockets[engine] = true;
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_upstream), stop).ConfigureAwait(false);
                await Task.WhenAny(PumpAsync(client, engine, false, stop), PumpAsync(engine, client, true, stop)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A killed relay or a closed side ends the pair.
            }
            finally
            {
                _sockets.TryRemove(client, out _);
                _sockets.TryRemove(engine, out _);
                client.Dispose();
                engine.Dispose();
            }
        }

        private async Task PumpAsync(Socket from, Socket to, bool fromEngine, CancellationToken stop)
        {
            var buffer = new byte[65536];
            try
            {
                while (true)
                {
                    var n = await from.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                    if (n == 0) break;
                    if (fromEngine) Interlocked.Add(ref _bytesFromEngine, n);
                    await to.SendAsync(new ArraySegment<byte>(buffer, 0, n), SocketFlags.None, stop).ConfigureAwait(false);
                }
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // Closed by either side, or killed.
            }
        }

        public async ValueTask DisposeAsync() => await KillAsync().ConfigureAwait(false);
    }
}
