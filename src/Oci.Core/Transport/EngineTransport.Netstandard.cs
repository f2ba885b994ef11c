#if !NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using global::Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using Oci.Tls;
using Oci.Transport.Ssh;

namespace Oci.Transport
{
    internal static partial class EngineTransport
    {
        // Docker.DotNet's transport factories answer with a handler and the URI to address it by; TLS goes through
        // its native (HttpClientHandler) transport, whose connect and handshake honour cancellation.
        private static HttpMessageHandler CreateHandler(OciEndpoint endpoint, TlsMaterial? tls)
        {
            var uri = endpoint.Scheme switch
            {
                "unix" => new Uri("unix://" + endpoint.Path),
                "npipe" => new Uri("npipe://./pipe/" + endpoint.Path),
                _ => BaseUri(endpoint, tls is not null),
            };
            var options = new ResolvedClientOptions
            {
                Endpoint = uri,
                AuthProvider = tls is null ? NoopAuthProvider.Instance : new TlsAuthProvider(tls),
                Headers = new Dictionary<string, string>(),
                Timeout = Timeout.InfiniteTimeSpan,
            };
            if (tls is not null)
            {
                var native = global::Docker.DotNet.NativeHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NativeHttp.NativeHttpTransportOptions(), options, NullLogger.Instance);
                return options.AuthProvider.ConfigureHandler(native.Handler);
            }
            return (endpoint.Scheme switch
            {
                "unix" => global::Docker.DotNet.Unix.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.Unix.UnixSocketTransportOptions(), options, NullLogger.Instance),
                "npipe" => global::Docker.DotNet.NPipe.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.NPipe.NPipeTransportOptions(), options, NullLogger.Instance),
                _ => global::Docker.DotNet.LegacyHttp.DockerHandlerFactory.Instance.CreateHandler(new global::Docker.DotNet.LegacyHttp.LegacyHttpTransportOptions(), options, NullLogger.Instance),
            }).Handler;
        }

        // Docker.DotNet's own handler over a stream of ours: one ssh process per request (it does not reuse connections),
        // at most SshDialer.MaxProcesses at once.
        private static HttpMessageHandler CreateSshHandler(SshDialer ssh) =>
            new global::Microsoft.Net.Http.Client.ManagedHandler((host, port, cancellationToken) => ssh.DialAsync(cancellationToken), NullLogger.Instance)
            {
                UseProxy = false,
                RedirectMode = global::Microsoft.Net.Http.Client.RedirectMode.None,
            };
    }
}
#endif
