using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using global::Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// A raw HTTP transport to the engine over the same socket/pipe/TCP plumbing Docker.DotNet uses, for the
    /// requests whose headers Docker.DotNet does not surface (the <c>/_ping</c> answer carries the API version
    /// and the engine's identity).
    /// </summary>
    internal static class DockerTransport
    {
        public static HttpClient CreateHttpClient(DockerEndpoint endpoint, out Uri baseUri)
        {
            var options = new ResolvedClientOptions
            {
                Endpoint = endpoint.Uri,
                AuthProvider = NoopAuthProvider.Instance,
                Headers = new Dictionary<string, string>(),
                Timeout = Timeout.InfiniteTimeSpan,
            };
            ResolvedTransport transport = endpoint.Uri.Scheme switch
            {
                "unix" => global::Docker.DotNet.Unix.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.Unix.UnixSocketTransportOptions(), options, NullLogger.Instance),
                "npipe" => global::Docker.DotNet.NPipe.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NPipe.NPipeTransportOptions(), options, NullLogger.Instance),
#if NET8_0_OR_GREATER
                _ => global::Docker.DotNet.NativeHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions(), options, NullLogger.Instance),
#else
                _ => global::Docker.DotNet.LegacyHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.LegacyHttp.LegacyHttpTransportOptions(), options, NullLogger.Instance),
#endif
            };
            baseUri = transport.EffectiveEndpoint;
            return new HttpClient(transport.Handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }
}
