using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using global::Docker.DotNet;
using global::Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using Oci.Tls;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// A raw HTTP transport to the engine over the same socket/pipe/TCP plumbing Docker.DotNet uses, for the
    /// requests whose headers Docker.DotNet does not surface (the <c>/_ping</c> answer carries the API version
    /// and the engine's identity), and the Docker.DotNet client itself for TLS endpoints.
    /// </summary>
    /// <remarks>
    /// TLS endpoints use Docker.DotNet's native HTTP transport in both builds (SocketsHttpHandler on net8.0,
    /// HttpClientHandler on netstandard2.0): unlike the legacy transport, its connect and TLS handshake honour
    /// cancellation, so a silent or misbehaving TLS port cannot hang a connect.
    /// </remarks>
    internal static class DockerTransport
    {
        public static HttpClient CreateHttpClient(DockerEndpoint endpoint, out Uri baseUri) => CreateHttpClient(endpoint, null, out baseUri);

        /// <summary>A raw client for <paramref name="endpoint"/>; over TLS (https) when <paramref name="tls"/> is given.</summary>
        public static HttpClient CreateHttpClient(DockerEndpoint endpoint, TlsMaterial? tls, out Uri baseUri)
        {
            var options = new ResolvedClientOptions
            {
                Endpoint = endpoint.Uri,
                AuthProvider = tls is null ? NoopAuthProvider.Instance : new TlsAuthProvider(tls),
                Headers = new Dictionary<string, string>(),
                Timeout = Timeout.InfiniteTimeSpan,
            };
            ResolvedTransport transport;
            if (tls is not null)
            {
                if (!endpoint.IsTls) throw new InvalidOperationException("TLS needs an https endpoint.");
                transport = global::Docker.DotNet.NativeHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions(), options, NullLogger.Instance);
                transport = new ResolvedTransport(options.AuthProvider.ConfigureHandler(transport.Handler), transport.EffectiveEndpoint);
            }
            else
            {
                transport = endpoint.Uri.Scheme switch
                {
                    "unix" => global::Docker.DotNet.Unix.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.Unix.UnixSocketTransportOptions(), options, NullLogger.Instance),
                    "npipe" => global::Docker.DotNet.NPipe.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NPipe.NPipeTransportOptions(), options, NullLogger.Instance),
#if NET8_0_OR_GREATER
                    _ => global::Docker.DotNet.NativeHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions(), options, NullLogger.Instance),
#else
                    _ => global::Docker.DotNet.LegacyHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.LegacyHttp.LegacyHttpTransportOptions(), options, NullLogger.Instance),
#endif
                };
            }
            baseUri = transport.EffectiveEndpoint;
            if (tls is not null && baseUri.Scheme != Uri.UriSchemeHttps)
                throw new InvalidOperationException($"The TLS transport resolved to {baseUri.Scheme}, not https.");
            return new HttpClient(transport.Handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        /// <summary>The Docker.DotNet client for <paramref name="endpoint"/>, pinned to <paramref name="apiVersion"/>; over TLS when <paramref name="tls"/> is given.</summary>
        public static DockerClient CreateDockerClient(DockerEndpoint endpoint, Version apiVersion, TlsMaterial? tls)
        {
            var builder = new DockerClientBuilder()
                .WithEndpoint(endpoint.Uri)
                .WithApiVersion(apiVersion)
                .WithTimeout(Timeout.InfiniteTimeSpan);
            if (tls is null) return builder.Build();
            if (!endpoint.IsTls) throw new InvalidOperationException("TLS needs an https endpoint.");
            return builder
                .WithAuthProvider(new TlsAuthProvider(tls))
                .WithTransportOptions(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions())
                .Build();
        }
    }
}
