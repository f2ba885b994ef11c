#if NET8_0_OR_GREATER
using System.IO;
using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Transport
{
    /// <summary>Opens one byte stream to an engine: its unix socket, named pipe or TCP port (TLS is layered on top by the handler).</summary>
    internal static class EngineDialer
    {
        public static async ValueTask<Stream> DialAsync(OciEndpoint endpoint, CancellationToken cancellationToken)
        {
            switch (endpoint.Scheme)
            {
                case "unix":
                    return await ConnectAsync(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified), new UnixDomainSocketEndPoint(endpoint.Path!), cancellationToken).ConfigureAwait(false);
                case "npipe":
                    var pipe = new NamedPipeClientStream(".", endpoint.Path!, PipeDirection.InOut, PipeOptions.Asynchronous);
                    try
                    {
                        await pipe.ConnectAsync(cancellationToken).ConfigureAwait(false);
                        return pipe;
                    }
                    catch
                    {
                        await pipe.DisposeAsync().ConfigureAwait(false);
                        throw;
                    }
                default:
                    // Small request/response exchanges: no Nagle delay.
                    return await ConnectAsync(new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }, new DnsEndPoint(endpoint.Host!, endpoint.Port), cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<Stream> ConnectAsync(Socket socket, EndPoint address, CancellationToken cancellationToken)
        {
            try
            {
                await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
#endif
