using System;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The built-in driver for the Docker Engine API (registered as <c>docker</c>). Endpoints: <c>unix://</c>,
    /// <c>tcp://</c>, <c>http(s)://</c>, <c>npipe://</c>. The API version is the one the engine's ping announces,
    /// capped at what the driver models. <c>tcp://</c> endpoints use TLS when <see cref="OciConnectOptions.Tls"/> is given,
    /// else when <c>DOCKER_TLS_VERIFY</c> (or <c>DOCKER_TLS</c>) is set, with the PEM files of <c>DOCKER_CERT_PATH</c>, as
    /// the docker CLI does; <c>https://</c> endpoints always do.
    /// </summary>
    public sealed class DockerDriver : OciDriver, IOciConfigurableDriver
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

        public override Task<IOciConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken) =>
            ConnectAsync(endpoint, new OciConnectOptions(), cancellationToken);

        /// <summary>Connects with <paramref name="options"/>: its <see cref="OciConnectOptions.Tls"/>, when set, wins over <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c>.</summary>
        public async Task<IOciConnection> ConnectAsync(string endpoint, OciConnectOptions options, CancellationToken cancellationToken) =>
            // Any engine that speaks the Docker API is served, Podman's compat API included (reported as Podman).
            await DockerConnector.ConnectAsync(Name, endpoint, options, ConnectTimeout, RequestTimeout, (_, _) => null, cancellationToken).ConfigureAwait(false);
    }
}
