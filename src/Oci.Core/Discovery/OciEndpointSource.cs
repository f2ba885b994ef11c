namespace Oci
{
    /// <summary>Which rung of the discovery order an endpoint candidate comes from, in the order they are tried.</summary>
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
    }
}
