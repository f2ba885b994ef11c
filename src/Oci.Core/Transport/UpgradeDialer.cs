using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
#if !NET8_0_OR_GREATER
using System.IO.Pipes;
using System.Text;
#endif

namespace Oci.Transport
{
    /// <summary>
    /// Opens a byte stream of its own to an engine for an upgraded (hijacked) request, keeping the socket so the caller
    /// can half-close it (end of stdin). An ssh:// endpoint's stream is another ssh process of its dialer; otherwise
    /// net8.0 dials as the pooled transport does (EngineDialer) and netstandard2.0 dials unix sockets, named pipes and TCP
    /// itself.
    /// </summary>
    internal static class UpgradeDialer
    {
        public static async Task<(Stream Stream, Socket? Socket)> DialAsync(OciEndpoint endpoint, Ssh.SshDialer? ssh, CancellationToken cancellationToken)
        {
            if (ssh is not null) return (await ssh.DialAsync(cancellationToken).ConfigureAwait(false), null);
#if NET8_0_OR_GREATER
            var stream = await EngineDialer.DialAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return (stream, (stream as NetworkStream)?.Socket);
#else
            if (endpoint.Scheme == "npipe")
            {
                var pipe = new NamedPipeClientStream(".", endpoint.Path!, PipeDirection.InOut, PipeOptions.Asynchronous);
                try
                {
                    await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
                    return (pipe, null);
                }
                catch
                {
                    pipe.Dispose();
                    throw;
                }
            }
            var unix = endpoint.Scheme == "unix";
            var socket = unix ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using (cancellationToken.Register(socket.Dispose))
                {
                    try
                    {
                        await socket.ConnectAsync(unix ? new UnixEndPoint(endpoint.Path!) : new DnsEndPoint(endpoint.Host!, endpoint.Port)).ConfigureAwait(false);
                    }
                    catch (System.Exception) when (cancellationToken.IsCancellationRequested)
                    {
                        throw new System.OperationCanceledException(cancellationToken);
                    }
                }
                return (new NetworkStream(socket, ownsSocket: true), socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
#endif
        }

#if !NET8_0_OR_GREATER
        /// <summary>A unix socket address (netstandard2.0 has no UnixDomainSocketEndPoint): the family, then the NUL-terminated path.</summary>
        private sealed class UnixEndPoint : EndPoint
        {
            private readonly string _path;

            public UnixEndPoint(string path) => _path = path;

            public override AddressFamily AddressFamily => AddressFamily.Unix;

            public override SocketAddress Serialize()
            {
                var bytes = Encoding.UTF8.GetBytes(_path);
                var address = new SocketAddress(AddressFamily.Unix, 2 + bytes.Length + 1);
                for (var i = 0; i < bytes.Length; i++) address[2 + i] = bytes[i];
                address[2 + bytes.Length] = 0;
                return address;
            }

            public override EndPoint Create(SocketAddress socketAddress) => new UnixEndPoint(_path);

            public override string ToString() => _path;
        }
#endif
    }
}
