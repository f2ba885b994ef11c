namespace Oci.PowerShell.Internal
{
    /// <summary>How a connection's <see cref="OciConnection.Source"/> is told from the discovery candidate that answered.</summary>
    internal static class ConnectionSource
    {
        /// <summary>
        /// A short name of the rung that answered, for the table view: <c>explicit</c>, <c>DOCKER_HOST</c>,
        /// <c>context 'name'</c>, <c>platform default</c>, <c>rootless docker</c>, <c>podman rootful</c>,
        /// <c>podman rootless</c>, <c>podman machine</c>, <c>CONTAINER_HOST</c>, <c>podman connection 'name'</c>.
        /// </summary>
        public static string ShortName(OciEndpointCandidate candidate) => candidate.Source switch
        {
            OciEndpointSource.Explicit => "explicit",
            OciEndpointSource.DockerHost => "DOCKER_HOST",
            OciEndpointSource.DockerContext => candidate.ContextName is null ? "context" : $"context '{candidate.ContextName}'",
            OciEndpointSource.PlatformDefault => "platform default",
            OciEndpointSource.RootlessDocker => "rootless docker",
            OciEndpointSource.PodmanRootful => "podman rootful",
            OciEndpointSource.PodmanRootless => "podman rootless",
            OciEndpointSource.PodmanMachine => "podman machine",
            OciEndpointSource.ContainerHost => "CONTAINER_HOST",
            OciEndpointSource.PodmanDefaultConnection or OciEndpointSource.PodmanConnection =>
                candidate.ConnectionName is null ? "podman connection" : $"podman connection '{candidate.ConnectionName}'",
            _ => candidate.SourceDescription,
        };
    }
}
