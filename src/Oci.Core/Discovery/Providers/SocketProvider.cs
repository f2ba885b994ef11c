using System.Collections.Generic;

namespace Oci.Discovery.Providers
{
    /// <summary>
    /// A rung of fixed sockets or pipes that depend only on the platform, the user's runtime and home directories:
    /// Docker's default socket, rootless Docker's, Podman's rootful and rootless sockets, the podman-machine pipe.
    /// </summary>
    internal sealed class SocketProvider : OciEndpointProvider
    {
        private readonly OciEndpointSource _source;

        public SocketProvider(OciEndpointSource source) => _source = source;

        public override OciEndpointSource Source => _source;

        public override IEnumerable<OciEndpointCandidate> GetCandidates(OciEnvironment environment)
        {
            var xdg = environment.NonEmptyVariable("XDG_RUNTIME_DIR");
            var home = environment.HomeDirectory;
            switch (_source)
            {
                case OciEndpointSource.PlatformDefault:
                    yield return environment.IsWindows
                        ? Candidate(OciEndpointDiscovery.WindowsDefaultPipe, "platform default")
                        : Candidate("unix://" + environment.SystemPath(OciEndpointDiscovery.UnixDefaultSocket), "platform default");
                    break;
                case OciEndpointSource.RootlessDocker when !environment.IsWindows:
                    if (xdg is not null) yield return Candidate("unix://" + Join(xdg, "docker.sock"), "rootless docker ($XDG_RUNTIME_DIR)");
                    if (home is not null) yield return Candidate("unix://" + Join(home, ".docker/run/docker.sock"), "rootless docker (~/.docker/run)");
                    break;
                case OciEndpointSource.PodmanRootful when !environment.IsWindows:
                    yield return Candidate("unix://" + environment.SystemPath(OciEndpointDiscovery.PodmanRootfulSocket), "podman rootful");
                    break;
                case OciEndpointSource.PodmanRootless when !environment.IsWindows:
                    if (xdg is not null) yield return Candidate("unix://" + Join(xdg, "podman/podman.sock"), "podman rootless ($XDG_RUNTIME_DIR)");
                    break;
                case OciEndpointSource.PodmanMachine when environment.IsWindows:
                    yield return Candidate(OciEndpointDiscovery.PodmanMachinePipe, "podman machine");
                    break;
            }
        }

        private OciEndpointCandidate Candidate(string endpoint, string description) => new(endpoint, _source, description);

        private static string Join(string dir, string relative) => dir.TrimEnd('/') + "/" + relative;
    }
}
