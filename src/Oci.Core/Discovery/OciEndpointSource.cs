namespace Oci
{
    /// <summary>
    /// Which rung of the discovery order an endpoint candidate comes from (the order they are tried is
    /// <see cref="OciEndpointDiscovery.DefaultProviders"/>).
    /// </summary>
    public enum OciEndpointSource
    {
        /// <summary>The endpoint the caller passed (<c>-Endpoint</c>, <see cref="OciDiscoveryOptions.Endpoint"/>).</summary>
        Explicit,
        /// <summary>The <c>DOCKER_HOST</c> environment variable.</summary>
        DockerHost,
        /// <summary>A Docker context: <c>DOCKER_CONTEXT</c>, else <c>currentContext</c> in config.json.</summary>
        DockerContext,
        /// <summary><c>unix:///var/run/docker.sock</c>, or <c>npipe:////./pipe/docker_engine</c> on Windows.</summary>
        PlatformDefault,
        /// <summary>A per-user Docker socket: <c>$XDG_RUNTIME_DIR/docker.sock</c> or <c>~/.docker/run/docker.sock</c>.</summary>
        RootlessDocker,
        /// <summary>Podman's system socket, <c>/run/podman/podman.sock</c>.</summary>
        PodmanRootful,
        /// <summary>Podman's per-user socket, <c>$XDG_RUNTIME_DIR/podman/podman.sock</c>.</summary>
        PodmanRootless,
        /// <summary>The podman-machine pipe on Windows, <c>npipe:////./pipe/podman-machine-default</c>.</summary>
        PodmanMachine,
        /// <summary>The <c>CONTAINER_HOST</c> environment variable (Podman's), with the key <c>CONTAINER_SSHKEY</c> names.</summary>
        ContainerHost,
        /// <summary>
        /// The Podman connection in effect: the one <c>CONTAINER_CONNECTION</c> names, else the default of
        /// <c>podman-connections.json</c> or <c>containers.conf</c> (<c>active_service</c>).
        /// </summary>
        PodmanDefaultConnection,
        /// <summary>Podman's other named connections (<c>podman system connection list</c>), tried after the local sockets.</summary>
        PodmanConnection,
    }
}
