using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using global::Docker.DotNet;
using Oci.Tls;

namespace Oci.Drivers.Docker
{
    /// <summary>Connecting to an engine that speaks the Docker API, shared by the Docker and Podman drivers.</summary>
    internal static class DockerConnector
    {
        /// <summary>
        /// Set by endpoint discovery around a connect: the TLS settings the candidate carries (null = plain), which then
        /// stand instead of the process's <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c> (discovery may read another
        /// environment, and a context's TLS is its own). Flows with the async call, so concurrent connects do not mix.
        /// </summary>
        private static readonly AsyncLocal<TlsChoice?> AmbientTls = new();

        private sealed class TlsChoice
        {
            public TlsChoice(OciTlsSettings? tls) => Tls = tls;
            public OciTlsSettings? Tls { get; }
        }

        /// <summary>Makes <paramref name="tls"/> (null: none) the TLS of Docker-API connects made by the caller's async flow until disposed.</summary>
        internal static IDisposable UseTls(OciTlsSettings? tls)
        {
            var previous = AmbientTls.Value;
            AmbientTls.Value = new TlsChoice(tls);
            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly TlsChoice? _previous;
            public Restore(TlsChoice? previous) => _previous = previous;
            public void Dispose() => AmbientTls.Value = _previous;
        }

        /// <summary>
        /// The TLS settings a connect to <paramref name="endpoint"/> uses: none for sockets and pipes; for <c>tcp://</c>
        /// the explicit ones, else discovery's, else <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_TLS</c> with <c>DOCKER_CERT_PATH</c>
        /// (as the docker CLI); for <c>https://</c> the same, else verification against the system's roots.
        /// </summary>
        internal static OciTlsSettings? ResolveTls(DockerEndpoint endpoint, OciTlsSettings? explicitTls, OciEnvironment? environment = null)
        {
            OciTlsSettings? Inherited() =>
                explicitTls ?? (AmbientTls.Value is { } ambient ? ambient.Tls : OciEndpointDiscovery.TlsFromEnvironment(environment ?? OciEnvironment.Current));
            switch (endpoint.Scheme)
            {
                case "tcp":
                    return Inherited();
                case "https":
                    return Inherited() ?? new OciTlsSettings(source: "https:// endpoint");
                case "http":
                    if (explicitTls is not null)
                        throw new OciException(OciErrorKind.InvalidArgument,
                            $"'{endpoint.Display}' is plain HTTP, but TLS settings were given: use tcp://{endpoint.Uri.Authority} (or https://) to connect with TLS.", endpoint.Display);
                    return null;
                default:
                    return null; // unix sockets and named pipes: TLS does not apply, as with docker -H unix://... --tlsverify
            }
        }

        /// <summary>
        /// Pings <paramref name="endpoint"/>, lets <paramref name="accept"/> judge the engine from its ping (it throws to
        /// refuse, and returns the libpod API version to use, or null for none), then pins the API version the ping
        /// announced and reads the engine's version. TLS as <see cref="ResolveTls"/> says.
        /// </summary>
        public static async Task<DockerConnection> ConnectAsync(string driver, string endpoint, OciConnectOptions? options, TimeSpan connectTimeout, TimeSpan requestTimeout,
            Func<DockerPing, string, string?> accept, CancellationToken cancellationToken)
        {
            var parsed = DockerEndpoint.Parse(endpoint);
            cancellationToken.ThrowIfCancellationRequested();
            var settings = ResolveTls(parsed, options?.Tls);
            TlsMaterial? tls = null;
            HttpClient? raw = null;
            DockerClient? client = null;
            try
            {
                if (settings is not null)
                {
                    tls = TlsMaterial.Load(settings, parsed.Host!);
                    parsed = parsed.WithTls();
                }
                raw = DockerTransport.CreateHttpClient(parsed, tls, out var rawBase);
                var ping = await DockerPing.SendAsync(raw, rawBase, parsed.Display, tls, connectTimeout, cancellationToken).ConfigureAwait(false);
                tls?.MarkEstablished();
                var libpod = accept(ping, parsed.Display);
                var api = DockerApi.Negotiate(ping.ApiVersion);
                client = DockerTransport.CreateDockerClient(parsed, api, tls);
                var version = await DockerConnection.RunAsync(client, parsed.Display, requestTimeout, "Connect", parsed.Display, (c, ct) => c.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
                return new DockerConnection(driver, parsed, client, raw, rawBase, ping, version.Version ?? string.Empty, api, requestTimeout, libpod, version.Os, tls);
            }
            catch
            {
                client?.Dispose();
                raw?.Dispose();
                tls?.Dispose();
                throw;
            }
        }
    }
}
