using Oci.Drivers.Docker;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// The built-in driver for Podman's API service (registered as <c>podman</c>), e.g.
    /// <c>unix:///run/podman/podman.sock</c> or <c>unix://$XDG_RUNTIME_DIR/podman/podman.sock</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// It serves Podman only: the engine's <c>/_ping</c> must announce a libpod API (<c>Libpod-Api-Version</c>), and it
    /// is then preferred over the docker driver (which serves Podman too, through its Docker-compatible API as is).
    /// </para>
    /// <para>
    /// Requests go to Podman's Docker-compatible API where it matches, pinned to the compat API version the ping
    /// announces, with the Docker driver's handlers; this driver replaces those where Podman differs: the reference
    /// filter of LIST, the outcome of PULL (its stream does not say), and image inspection, which goes to the native
    /// libpod API because that reports the image's own manifest digest. The compat pull is kept because it reports
    /// progress per layer (libpod's pull stream does not). LOGIN and LOGOUT keep credentials in Podman's auth file; PRUNE of
    /// every unused image goes to libpod. For containers: LIST's name and ancestor filters, WAIT for removal, STATE (libpod
    /// names the bundle) and STATS (libpod computes the CPU share).
    /// </para>
    /// </remarks>
    public sealed class PodmanDriver : DockerApiDriver<PodmanConnection>
    {
        public PodmanDriver()
        {
            Handle<OciImageListOptions>(OciKind.Image, OciMethods.List, PodmanImageHandlers.ListAsync);
            Handle<OciPullOptions>(OciKind.Image, OciMethods.Pull, PodmanImageHandlers.PullAsync);
            // Containers.
            Handle<OciContainerListOptions>(OciKind.Container, OciMethods.List, PodmanContainerHandlers.ListAsync);
            Handle<OciContainerWaitOptions>(OciKind.Container, OciMethods.Wait, PodmanContainerHandlers.WaitAsync);
            Handle(OciKind.Container, OciMethods.State, PodmanContainerHandlers.StateAsync);
            Handle(OciKind.Container, OciMethods.Stats, PodmanContainerHandlers.StatsAsync);

            // issue 10: credentials go to Podman's auth file; a prune of every unused image goes to libpod.
            Handle<OciImagePruneOptions>(OciKind.Image, OciMethods.Prune, PodmanPruneHandlers.ImagesAsync);
            Handle<OciRegistryLoginOptions>(OciKind.Registry, OciMethods.Login, PodmanLoginHandlers.LoginAsync);
            Handle<OciRegistryLogoutOptions>(OciKind.Registry, OciMethods.Logout, PodmanLoginHandlers.LogoutAsync);
        }

        public override string Name => "podman";

        /// <summary>2 (preferred) for Podman, recognised by the libpod API its ping announces; 0 for any other engine.</summary>
        public override int Serves(OciProbeResult answer) => answer is DockerProbeResult { LibpodApiVersion: not null } ? 2 : 0;

        private protected override PodmanConnection Create(DockerProbeResult answer) => new(Name, answer, RequestTimeout);
    }
}
