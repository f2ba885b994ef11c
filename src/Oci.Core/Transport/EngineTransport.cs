using System;
using System.Net.Http;
using Oci.Tls;
using Oci.Transport.Ssh;

namespace Oci.Transport
{
    /// <summary>
    /// The HTTP transport to an engine: one pooled, keep-alive <see cref="HttpClient"/> per connection over the
    /// endpoint's socket, pipe, TCP port (TLS when <see cref="TlsMaterial"/> is given) or ssh processes
    /// (<see cref="SshDialer"/>), with no timeout of its own (callers bound each call) and no proxy, redirects or cookies.
    /// </summary>
    /// <remarks>
    /// net8.0: <c>SocketsHttpHandler</c> with a connect callback that dials the endpoint (<c>EngineDialer</c>, or the
    /// ssh dialer); connections are pooled and reused (at most <see cref="SshDialer.MaxProcesses"/> over ssh, each an ssh
    /// process), and a 101 answer gives a two-way stream. netstandard2.0 (the PowerShell module, on Windows PowerShell
    /// 5.1 and PowerShell 7 alike): Docker.DotNet's transports, whose <c>ManagedHandler</c> opens one stream per request,
    /// so over ssh each request costs its own ssh process (at most <see cref="SshDialer.MaxProcesses"/> at once).
    /// </remarks>
    internal static partial class EngineTransport
    {
        /// <summary>The base URI requests are made against; sockets and pipes need some host name in HTTP/1.1.</summary>
        public static Uri BaseUri(OciEndpoint endpoint, bool tls) =>
            endpoint.IsTcp
                ? new Uri((tls ? "https" : "http") + "://" + (endpoint.Host!.IndexOf(':') >= 0 ? "[" + endpoint.Host + "]" : endpoint.Host) + ":" + endpoint.Port + "/")
                : new Uri("http://localhost/");

        /// <summary>
        /// A client for <paramref name="endpoint"/>; over TLS when <paramref name="tls"/> is given (tcp/https only), over
        /// <paramref name="ssh"/>'s processes for ssh:// (which needs it).
        /// </summary>
        public static HttpClient Create(OciEndpoint endpoint, TlsMaterial? tls, SshDialer? ssh = null)
        {
            if (tls is not null && !endpoint.TakesTls) throw new InvalidOperationException("TLS applies to tcp:// and https:// endpoints only.");
            if (endpoint.IsSsh != (ssh is not null)) throw new InvalidOperationException("An ssh:// endpoint, and only one, is reached through an ssh dialer.");
            if (!(endpoint.IsTcp || endpoint.IsUnixSocket || endpoint.IsNamedPipe || endpoint.IsSsh))
                throw new OciException(OciErrorKind.Unsupported, $"There is no HTTP transport for {endpoint.Scheme}:// endpoints ('{endpoint}').", endpoint.Text);
            return new HttpClient(ssh is null ? CreateHandler(endpoint, tls) : CreateSshHandler(ssh), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                BaseAddress = BaseUri(endpoint, tls is not null),
            };
        }
    }
}
