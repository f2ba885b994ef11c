#if NET8_0_OR_GREATER
using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Oci.Tls;
using Oci.Transport.Ssh;

namespace Oci.Transport
{
    internal static partial class EngineTransport
    {
        /// <summary>How long an idle pooled connection is kept: below the idle timeouts engines and proxies use.</summary>
        private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(15);

        private static HttpMessageHandler CreateHandler(OciEndpoint endpoint, TlsMaterial? tls)
        {
            var handler = new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionIdleTimeout = IdleTimeout,
                ConnectCallback = (context, cancellationToken) => EngineDialer.DialAsync(endpoint, cancellationToken),
            };
            if (tls is not null)
            {
                var certificates = new X509CertificateCollection();
                if (tls.ClientCertificate is { } certificate) certificates.Add(certificate);
                handler.SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = certificates,
                    RemoteCertificateValidationCallback = tls.ValidateServer,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                };
            }
            return handler;
        }

        // Each pooled connection is an ssh process and a handshake: few, kept while they are used.
        private static HttpMessageHandler CreateSshHandler(SshDialer ssh) => new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = IdleTimeout,
            MaxConnectionsPerServer = SshDialer.MaxProcesses,
            ConnectCallback = (context, cancellationToken) => new ValueTask<System.IO.Stream>(ssh.DialAsync(cancellationToken)),
        };
    }
}
#endif
