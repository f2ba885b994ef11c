using System;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// What the built-in drivers for Docker-API engines share: one handler table (the handlers know each engine's
    /// dialect from its ping), the timeouts, and connecting with or without <see cref="OciConnectOptions"/>. Only this
    /// assembly derives from it; each driver says which engines it accepts.
    /// </summary>
    public abstract class DockerApiDriver : OciDriver, IOciConfigurableDriver
    {
        private protected DockerApiDriver()
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

        /// <summary>How long connecting may wait for the engine's ping.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long a non-streaming request may take (pulls stream and are bounded only by cancellation).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

        public override Task<IOciConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken) =>
            ConnectAsync(endpoint, new OciConnectOptions(), cancellationToken);

        /// <summary>Connects with <paramref name="options"/>: its <see cref="OciConnectOptions.Tls"/>, when set, wins over <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c>.</summary>
        public async Task<IOciConnection> ConnectAsync(string endpoint, OciConnectOptions options, CancellationToken cancellationToken) =>
            await DockerConnector.ConnectAsync(Name, endpoint, options, ConnectTimeout, RequestTimeout, Accept, cancellationToken).ConfigureAwait(false);

        /// <summary>Refuses an engine this driver does not serve (throws); returns the libpod API version to pin, or null.</summary>
        private protected abstract string? Accept(DockerPing ping, string endpoint);
    }
}
