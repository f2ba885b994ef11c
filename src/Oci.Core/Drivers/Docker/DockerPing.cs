using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>The engine's answer to <c>GET /_ping</c>: identity and API version come in its headers.</summary>
    internal sealed class DockerPing
    {
        public string Engine { get; private set; } = "Docker";
        public string? ApiVersion { get; private set; }
        public string? LibpodApiVersion { get; private set; }
        public string? OsType { get; private set; }
        public string? Server { get; private set; }
        public TimeSpan RoundTrip { get; private set; }

        public bool IsPodman => LibpodApiVersion is not null;

        /// <summary>Pings within <paramref name="timeout"/>; an engine that is absent or silent is EngineUnavailable.</summary>
        public static Task<DockerPing> SendAsync(HttpClient http, Uri baseUri, string endpoint, TimeSpan timeout, CancellationToken cancellationToken) =>
            SendAsync(http, baseUri, endpoint, null, timeout, cancellationToken);

        /// <summary>
        /// Pings within <paramref name="timeout"/>; an engine that is absent or silent is EngineUnavailable. Over TLS
        /// (<paramref name="tls"/>), an engine certificate that is not trusted is EngineUnavailable and an engine that
        /// refuses the client certificate Unauthorized, each saying how to fix it.
        /// </summary>
        public static async Task<DockerPing> SendAsync(HttpClient http, Uri baseUri, string endpoint, Tls.TlsMaterial? tls, TimeSpan timeout, CancellationToken cancellationToken)
        {
            // A missing socket file is the common case of "engine not running": say so instead of an errno text.
            if (endpoint.StartsWith("unix://", StringComparison.Ordinal) && !System.IO.File.Exists(endpoint.Substring("unix://".Length)))
                throw Unavailable(endpoint, $"there is no socket at {endpoint.Substring("unix://".Length)} (is the engine running?)", null);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(new Uri(baseUri, "_ping"), HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
                var ping = new DockerPing
                {
                    RoundTrip = watch.Elapsed,
                    ApiVersion = Header(response, "Api-Version"),
                    LibpodApiVersion = Header(response, "Libpod-Api-Version"),
                    OsType = Header(response, "OSType") ?? Header(response, "Ostype"),
                    Server = Header(response, "Server"),
                };
                ping.Engine = ping.IsPodman ? "Podman" : "Docker";
                if (!response.IsSuccessStatusCode && ping.ApiVersion is null)
                {
                    // Go's TLS server answers a plain HTTP request with 400 "Client sent an HTTP request to an HTTPS server."
                    if (response.StatusCode == System.Net.HttpStatusCode.BadRequest
                        && (await ReadSmallBodyAsync(response, cts.Token).ConfigureAwait(false)).IndexOf("HTTPS server", StringComparison.OrdinalIgnoreCase) >= 0)
                        throw Unavailable(endpoint,
                            "it speaks TLS (HTTPS) and this connection was plain HTTP. Connect with TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory of ca.pem, cert.pem and key.pem, or pass -CertificatePath (OciConnectOptions.Tls)",
                            null);
                    throw Unavailable(endpoint, $"it answered HTTP {(int)response.StatusCode} to a ping, not like a container engine", null);
                }
                return ping;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException e)
            {
                // A refused certificate can surface as a cancellation on some platforms: say what really happened.
                if (tls?.Rejection is not null && tls.Explain(e) is { } rejected) throw Unavailable(endpoint, rejected.Why, e, rejected.Kind);
                throw Unavailable(endpoint, $"it did not answer a ping within {timeout.TotalSeconds:0.#} s", e);
            }
            catch (Exception e) when (e is not OciException)
            {
                if (tls?.Explain(e) is { } explained) throw Unavailable(endpoint, explained.Why, e, explained.Kind);
                throw Unavailable(endpoint, Exceptions.Innermost(e).Message.TrimEnd('.'), e);
            }
        }

        private static async Task<string> ReadSmallBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            try
            {
                if (response.Content is null) return string.Empty;
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var buffer = new byte[512];
                var read = 0;
                int n;
                while (read < buffer.Length && (n = await stream.ReadAsync(buffer, read, buffer.Length - read, cancellationToken).ConfigureAwait(false)) > 0) read += n;
                return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
            }
            catch (Exception e) when (e is System.IO.IOException or HttpRequestException)
            {
                return string.Empty;
            }
        }

        private static OciException Unavailable(string endpoint, string why, Exception? inner, OciErrorKind kind = OciErrorKind.EngineUnavailable) =>
            new(kind, $"Cannot connect to the engine at '{endpoint}': {why}.", endpoint, why, innerException: inner);

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
