using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Transport
{
    /// <summary>
    /// Reading an engine's answer as a stream, the same on both targets: the body (with the token where the platform
    /// takes one), and what a read that cancellation cut short throws (the stream closed under it) told apart from a
    /// real failure.
    /// </summary>
    internal static class ResponseContent
    {
        public static Task<Stream> StreamAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
            response.Content.ReadAsStreamAsync(cancellationToken);
#else
            response.Content.ReadAsStreamAsync();
#endif

        /// <summary>True when <paramref name="error"/> is a read ended by closing the stream on cancellation.</summary>
        public static bool IsCancelledRead(Exception error, CancellationToken cancellationToken) =>
            cancellationToken.IsCancellationRequested && error is ObjectDisposedException or IOException or HttpRequestException;
    }
}
