using System;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// What the drivers of Docker-API engines share: the probe (one <c>/_ping</c>), the connection, the handler table of
    /// the Docker Engine API and its one error mapping. A driver for an engine with its own differences derives from it
    /// and replaces the handlers that differ (Podman's, in its own folder).
    /// </summary>
    public abstract class DockerApiDriver<TConnection> : OciDriver<TConnection> where TConnection : DockerConnection
    {
        private protected DockerApiDriver()
        {
            Handle(OciKind.Engine, OciMethods.Ping, DockerSystemHandlers.PingAsync);
            Handle(OciKind.Engine, OciMethods.Version, DockerSystemHandlers.VersionAsync);
            Handle(OciKind.Engine, OciMethods.Info, DockerSystemHandlers.InfoAsync);
            Handle<OciPullOptions>(OciKind.Image, OciMethods.Pull, DockerPullHandler.PullAsync);
            Handle<OciImageListOptions>(OciKind.Image, OciMethods.List, DockerImageHandlers.ListAsync);
            Handle(OciKind.Image, OciMethods.Inspect, DockerImageHandlers.InspectAsync);
            Handle<OciImageTagOptions>(OciKind.Image, OciMethods.Tag, DockerImageHandlers.TagAsync);
            Handle<OciImageRemoveOptions>(OciKind.Image, OciMethods.Remove, DockerImageHandlers.RemoveAsync);
            // Containers.
            Handle<OciContainerSpec>(OciKind.Container, OciMethods.Create, DockerContainerHandlers.CreateAsync);
            Handle(OciKind.Container, OciMethods.Start, DockerContainerHandlers.StartAsync);
            Handle<OciContainerStopOptions>(OciKind.Container, OciMethods.Stop, DockerContainerHandlers.StopAsync);
            Handle<OciContainerKillOptions>(OciKind.Container, OciMethods.Kill, DockerContainerHandlers.KillAsync);
            Handle<OciContainerStopOptions>(OciKind.Container, OciMethods.Restart, DockerContainerHandlers.RestartAsync);
            Handle(OciKind.Container, OciMethods.Pause, DockerContainerHandlers.PauseAsync);
            Handle(OciKind.Container, OciMethods.Unpause, DockerContainerHandlers.UnpauseAsync);
            Handle<OciContainerRemoveOptions>(OciKind.Container, OciMethods.Remove, DockerContainerHandlers.RemoveAsync);
            Handle<OciContainerWaitOptions>(OciKind.Container, OciMethods.Wait, DockerContainerHandlers.WaitAsync);
            Handle<OciContainerListOptions>(OciKind.Container, OciMethods.List, DockerContainerList.ListAsync);
            Handle(OciKind.Container, OciMethods.Inspect, DockerContainerHandlers.InspectAsync);
            Handle(OciKind.Container, OciMethods.State, DockerContainerHandlers.StateAsync);
            HandleStream<OciContainerLogOptions, OciLogLine>(OciKind.Container, OciMethods.Logs, DockerLogsHandler.LogsAsync);
            Handle<OciExecOptions>(OciKind.Container, OciMethods.Exec, DockerExecHandler.ExecAsync);
            Handle<OciRunOptions>(OciKind.Container, OciMethods.Run, DockerRunHandler.RunAsync);
            Handle<OciCopyOptions>(OciKind.Container, OciMethods.Copy, DockerCopyHandler.CopyAsync);
            Handle(OciKind.Container, OciMethods.Stats, DockerStatsHandler.StatsAsync);

            // issue 10: images end to end, registries, volumes, networks, events and disk use.
            Handle<OciImagePushOptions>(OciKind.Image, OciMethods.Push, DockerPushHandler.PushAsync);
            Handle(OciKind.Image, OciMethods.History, DockerImageHandlers.HistoryAsync);
            Handle<OciImagePruneOptions>(OciKind.Image, OciMethods.Prune, DockerPruneHandlers.ImagesAsync);
            Handle<OciImageSaveOptions>(OciKind.Image, OciMethods.Save, DockerArchiveHandlers.SaveAsync);
            Handle<OciImageLoadOptions>(OciKind.Image, OciMethods.Load, DockerArchiveHandlers.LoadAsync);
            Handle<OciRegistryLoginOptions>(OciKind.Registry, OciMethods.Login, DockerLoginHandlers.LoginAsync);
            Handle<OciRegistryLogoutOptions>(OciKind.Registry, OciMethods.Logout, DockerLoginHandlers.LogoutAsync);
            Handle<OciVolumeListOptions>(OciKind.Volume, OciMethods.List, DockerVolumeHandlers.ListAsync);
            Handle(OciKind.Volume, OciMethods.Inspect, DockerVolumeHandlers.InspectAsync);
            Handle<OciVolumeCreateOptions>(OciKind.Volume, OciMethods.Create, DockerVolumeHandlers.CreateAsync);
            Handle<OciVolumeRemoveOptions>(OciKind.Volume, OciMethods.Remove, DockerVolumeHandlers.RemoveAsync);
            Handle<OciVolumePruneOptions>(OciKind.Volume, OciMethods.Prune, DockerPruneHandlers.VolumesAsync);
            Handle<OciNetworkListOptions>(OciKind.Network, OciMethods.List, DockerNetworkHandlers.ListAsync);
            Handle(OciKind.Network, OciMethods.Inspect, DockerNetworkHandlers.InspectAsync);
            Handle<OciNetworkCreateOptions>(OciKind.Network, OciMethods.Create, DockerNetworkHandlers.CreateAsync);
            Handle(OciKind.Network, OciMethods.Remove, DockerNetworkHandlers.RemoveAsync);
            Handle<OciNetworkPruneOptions>(OciKind.Network, OciMethods.Prune, DockerPruneHandlers.NetworksAsync);
            HandleStream<OciEventOptions, OciEvent>(OciKind.Engine, OciMethods.Events, DockerEventHandler.StreamAsync);
            Handle(OciKind.Engine, OciMethods.DiskUsage, DockerDiskUsageHandler.DiskUsageAsync);

            // issue 14: a command in a container as a live two-way stream.
            Handle<OciExecSessionOptions>(OciKind.Container, OciMethods.ExecSession, DockerExecSessionHandler.OpenAsync);
        }

        /// <summary>How long a non-streaming request may take (streams — pulls, logs — are bounded only by cancellation).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

        public sealed override IOciProbe Probe => DockerApiProbe.Instance;

        protected sealed override async Task<TConnection> ConnectAsync(OciProbeResult answer, CancellationToken cancellationToken)
        {
            if (answer is not DockerProbeResult ping)
                throw new OciException(OciErrorKind.Unsupported, $"The {Name} driver cannot use an answer of the '{answer.Probe}' probe.", answer.Endpoint.Text);
            var docker = Create(ping);
            if (docker.EngineVersion.Length == 0)
            {
                // An engine whose ping names no version (no Server header): one more round trip to ask.
                try
                {
                    var v = await docker.Http.GetJsonAsync("version", DockerJson.Default.VersionDto, cancellationToken).ConfigureAwait(false);
                    docker.EngineVersion = v.Version ?? string.Empty;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await docker.DisposeAsync().ConfigureAwait(false);
                    throw DockerErrors.Map(e, new OciRequest(OciMethods.Version, OciKind.Engine), docker);
                }
            }
            return docker;
        }

        /// <summary>The connection over what <paramref name="answer"/> opened.</summary>
        private protected abstract TConnection Create(DockerProbeResult answer);

        protected sealed override OciException MapError(Exception error, OciRequest request, TConnection connection) =>
            DockerErrors.Map(error, request, connection);
    }
}
