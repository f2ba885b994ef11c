using System;
using System.Net.Http;
using Oci.Tls;

namespace Oci.Transport
{
    /// <summary>
    /// The HTTP transport to an engine: one pooled, keep-alive <see cref="HttpClient"/> per connection over the
    /// endpoint's socket, pipe or TCP port (TLS when <see cref="TlsMaterial"/> is given), with no timeout of its own
    /// (callers bound each call) and no proxy, redirects or cookies.
    /// </summary>
    /// <remarks>
    /// net8.0: <c>SocketsHttpHandler</c> with a connect callback that dials the endpoint (<c>EngineDialer</c>);
    /// connections are pooled and reused, and a 101 answer gives a two-way stream. netstandard2.0 (Windows
    /// PowerShell 5.1): Docker.DotNet's transports, which it still serves well there.
    /// </remarks>
    internal static partial class EngineTransport
    {
        /// <summary>The base URI requests are made against; sockets and pipes need some host name in HTTP/1.1.</summary>
        public static Uri BaseUri(OciEndpoint endpoint, bool tls) =>
            endpoint.IsTcp
                ? new Uri((tls ? "https" : "http") + "://" + (endpoint.Host!.IndexOf(':') >= 0 ? "[" + endpoint.Host + "]" : endpoint.Host) + ":" + endpoint.Port + "/")
                : new Uri("http://localhost/");

        /// <summary>A client for <paramref name="endpoint"/>; over TLS when <paramref name="tls"/> is given (tcp/https only).</summary>
        public static HttpClient Create(OciEndpoint endpoint, TlsMaterial? tls)
        {
            if (tls is not null && !endpoint.TakesTls) throw new InvalidOperationException("TLS applies to tcp:// and https:// endpoints only.");
            if (!(endpoint.IsTcp || endpoint.IsUnixSocket || endpoint.IsNamedPipe))
                throw new OciException(OciErrorKind.Unsupported, $"There is no HTTP transport for {endpoint.Scheme}:// endpoints ('{endpoint}').", endpoint.Text);
            return new HttpClient(CreateHandler(endpoint, tls), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                BaseAddress = BaseUri(endpoint, tls is not null),
            };
        }
    }
}
