using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using global::Docker.DotNet;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The built-in driver for the Docker Engine API (registered as <c>docker</c>). Endpoints: <c>unix://</c>,
    /// <c>tcp://</c>, <c>http(s)://</c>, <c>npipe://</c>. The API version is the one the engine's ping announces,
    /// capped at what the driver models.
    /// </summary>
    public sealed class DockerDriver : OciDriver
    {
        public DockerDriver()
        {
            Handle(OciMethods.Ping, DockerSystemHandlers.PingAsync);
            Handle(OciMethods.Version, DockerSystemHandlers.VersionAsync);
            Handle(OciMethods.Info, DockerSystemHandlers.InfoAsync);
            Handle(OciMethods.Pull, DockerPullHandler.PullAsync);
            Handle(OciMethods.List, DockerImageHandlers.ListAsync);
            Handle(OciMethods.Inspect, DockerImageHandlers.InspectAsync);
            Handle(OciMethods.Tag, DockerImageHandlers.TagAsync);
            Handle(OciMethods.Remove, DockerImageHandlers.RemoveAsync);
        }

        public override string Name => "docker";

        /// <summary>How long connecting may wait for the engine's ping.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long a non-streaming request may take (pulls stream and are bounded only by cancellation).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

        public override async Task<IOciConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken)
        {
            var parsed = DockerEndpoint.Parse(endpoint);
            cancellationToken.ThrowIfCancellationRequested();
            HttpClient? raw = null;
            DockerClient? client = null;
            try
            {
                raw = DockerTransport.CreateHttpClient(parsed, out var rawBase);
                var ping = await DockerPing.SendAsync(raw, rawBase, parsed.Display, ConnectTimeout, cancellationToken).ConfigureAwait(false);
                var api = DockerApi.Negotiate(ping.ApiVersion);
                client = new DockerClientBuilder()
                    .WithEndpoint(parsed.Uri)
                    .WithApiVersion(api)
                    .WithTimeout(Timeout.InfiniteTimeSpan)
                    .Build();
                var connection = new DockerConnection(Name, parsed, client, raw, rawBase, ping, string.Empty, api, RequestTimeout);
                var version = await connection.RunAsync("Connect", parsed.Display, (c, ct) => c.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
                return new DockerConnection(Name, parsed, client, raw, rawBase, ping, version.Version ?? string.Empty, api, RequestTimeout);
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
