using System.Collections.Generic;

namespace Oci.Discovery.Providers
{
    /// <summary>
    /// <c>CONTAINER_HOST</c>, Podman's <c>DOCKER_HOST</c>, with the key <c>CONTAINER_SSHKEY</c> names for an ssh:// host. Its
    /// remote CLI is podman first (docker when the remote has no podman).
    /// </summary>
    internal sealed class ContainerHostProvider : OciEndpointProvider
    {
        public override OciEndpointSource Source => OciEndpointSource.ContainerHost;

        public override IEnumerable<OciEndpointCandidate> GetCandidates(OciEnvironment environment)
        {
            var host = environment.NonEmptyVariable("CONTAINER_HOST")?.Trim();
            if (string.IsNullOrEmpty(host)) yield break;
            var key = environment.NonEmptyVariable("CONTAINER_SSHKEY");
            yield return new OciEndpointCandidate(host, Source, "CONTAINER_HOST",
                ssh: new OciSshSettings(identityFile: key, remoteCli: OciSshSettings.PodmanCli, source: key is null ? "CONTAINER_HOST" : "CONTAINER_SSHKEY"));
        }
    }
}
