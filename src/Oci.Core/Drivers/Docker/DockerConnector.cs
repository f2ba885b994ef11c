using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using global::Docker.DotNet;

namespace Oci.Drivers.Docker
{
    /// <summary>Connecting to an engine that speaks the Docker API, shared by the Docker and Podman drivers.</summary>
    internal static class DockerConnector
    {
        /// <summary>
        /// Pings <paramref name="endpoint"/>, lets <paramref name="accept"/> judge the engine from its ping (it throws to
        /// refuse, and returns the libpod API version to use, or null for none), then pins the API version the ping
        /// announced and reads the engine's version.
        /// </summary>
        public static async Task<DockerConnection> ConnectAsync(string driver, string endpoint, TimeSpan connectTimeout, TimeSpan requestTimeout,
            Func<DockerPing, string, string?> accept, CancellationToken cancellationToken)
        {
            var parsed = DockerEndpoint.Parse(endpoint);
            cancellationToken.ThrowIfCancellationRequested();
            HttpClient? raw = null;
            DockerClient? client = null;
            try
            {
                raw = DockerTransport.CreateHttpClient(parsed, out var rawBase);
                var ping = await DockerPing.SendAsync(raw, rawBase, parsed.Display, connectTimeout, cancellationToken).ConfigureAwait(false);
                var libpod = accept(ping, parsed.Display);
                var api = DockerApi.Negotiate(ping.ApiVersion);
                client = new DockerClientBuilder()
                    .WithEndpoint(parsed.Uri)
                    .WithApiVersion(api)
                    .WithTimeout(Timeout.InfiniteTimeSpan)
                    .Build();
                var probe = new DockerConnection(driver, parsed, client, raw, rawBase, ping, string.Empty, api, requestTimeout);
                var version = await probe.RunAsync("Connect", parsed.Display, (c, ct) => c.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
                return new DockerConnection(driver, parsed, client, raw, rawBase, ping, version.Version ?? string.Empty, api, requestTimeout, libpod, version.Os);
            }
            catch
            {
                client?.Dispose();
                raw?.Dispose();
                throw;
            }
        }
    }
}
