using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tls;
using Oci.Transport;
using Oci.Transport.Ssh;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// Identifies a Docker-API engine (dockerd, Podman's compat API) with one <c>GET /_ping</c>. Shared by the docker and
    /// podman drivers, so discovery pings each endpoint once. An engine that is absent or silent is EngineUnavailable;
    /// over TLS, an engine certificate that is not trusted is EngineUnavailable and an engine that refuses the client
    /// certificate Unauthorized, each saying how to fix it. Over ssh (<see cref="SshDialer"/>) the same: a refused login is
    /// Unauthorized, an unknown or changed host key, a closed port or a remote without an engine CLI EngineUnavailable,
    /// and no <c>ssh</c> on PATH Unsupported.
    /// </summary>
    internal sealed class DockerApiProbe : IOciProbe
    {
        public static readonly DockerApiProbe Instance = new();

        private DockerApiProbe()
        {
        }

        public bool CanProbe(OciEndpoint endpoint) => endpoint is not null && (endpoint.IsUnixSocket || endpoint.IsNamedPipe || endpoint.IsTcp || endpoint.IsSsh);

        public async Task<OciProbeResult> ProbeAsync(OciEndpoint endpoint, OciConnectOptions options, CancellationToken cancellationToken)
        {
            if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
            options ??= new OciConnectOptions();
            var environment = options.Environment ?? OciEnvironment.Current;
            // A missing socket file is the common case of "engine not running": say so instead of an errno text.
            if (endpoint.IsUnixSocket && !environment.FileExists(endpoint.Path!))
                throw DockerErrors.CannotConnect(endpoint, $"there is no socket at {endpoint.Path} (is the engine running?)", null);
            var ssh = endpoint.IsSsh ? SshDialer.Create(endpoint, options.Ssh, environment, options.ConnectTimeout) : null;
            var settings = options.TlsFor(endpoint);
            var tls = settings is null ? null : TlsMaterial.Load(settings, endpoint.Host!);
            HttpClient? http = null;
            try
            {
                http = EngineTransport.Create(endpoint, tls, ssh);
                var (headers, roundTrip) = await PingAsync(http, endpoint, tls, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                tls?.MarkEstablished();
                return new DockerProbeResult(this, endpoint, options, http, tls, headers, roundTrip, ssh);
            }
            catch
            {
                http?.Dispose();
                tls?.Dispose();
                throw;
            }
        }

        /// <summary>Pings over an open transport: every header (joined: .NET splits some, e.g. <c>Server: Docker/20.10 (linux)</c>) and the round trip.</summary>
        internal static Task<(Dictionary<string, string> Headers, TimeSpan RoundTrip)> PingAsync(HttpClient http, OciEndpoint endpoint, TlsMaterial? tls, TimeSpan timeout, CancellationToken cancellationToken) =>
            PingAsync(http, PingUri(http), endpoint, tls, timeout, AllHeaders, cancellationToken);

        /// <summary>The ping's address on <paramref name="http"/>, made once per connection (a relative path is resolved again on every request).</summary>
        internal static Uri PingUri(HttpClient http) => new(http.BaseAddress!, "_ping");

        /// <summary>
        /// Pings at <paramref name="ping"/> and hands the answer's headers and round trip to <paramref name="read"/>, which
        /// takes what its caller needs (a connect: all of them; PING on a connection: two).
        /// </summary>
        internal static async Task<T> PingAsync<T>(HttpClient http, Uri ping, OciEndpoint endpoint, TlsMaterial? tls, TimeSpan timeout,
            Func<HttpResponseHeaders, TimeSpan, T> read, CancellationToken cancellationToken)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(ping, HttpCompletionOption.ResponseContentRead, cts.Token).ConfigureAwait(false);
                var roundTrip = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
                if (!response.IsSuccessStatusCode && !response.Headers.Contains("Api-Version"))
                {
                    // Go's TLS server answers a plain HTTP request with 400 "Client sent an HTTP request to an HTTPS server."
                    var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    throw DockerErrors.NotAnEngine(endpoint, response.StatusCode, body);
                }
                return read(response.Headers, roundTrip);
            }
            catch (Exception e) when (e is not OciException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw DockerErrors.Unreachable(endpoint, e, tls, timeout);
            }
        }

        /// <summary>One header's value (joined when .NET split it), or null.</summary>
        internal static string? Header(HttpResponseHeaders headers, string name) =>
            headers.TryGetValues(name, out var values) ? string.Join(" ", values) : null;

        private static (Dictionary<string, string>, TimeSpan) AllHeaders(HttpResponseHeaders response, TimeSpan roundTrip)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in response) headers[h.Key] = string.Join(" ", h.Value);
            return (headers, roundTrip);
        }

        public override string ToString() => "Docker API ping";
    }
}
