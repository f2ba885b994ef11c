namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The built-in driver for the Docker Engine API (registered as <c>docker</c>). Endpoints: <c>unix://</c>,
    /// <c>tcp://</c>, <c>http(s)://</c>, <c>npipe://</c>. The API version is the one the engine's ping announces,
    /// capped at what the driver models. <c>tcp://</c> endpoints use TLS when <see cref="OciConnectOptions.Tls"/> is given,
    /// else when <c>DOCKER_TLS_VERIFY</c> (or <c>DOCKER_TLS</c>) is set, with the PEM files of <c>DOCKER_CERT_PATH</c>, as
    /// the docker CLI does; <c>https://</c> endpoints always do.
    /// </summary>
    public sealed class DockerDriver : DockerApiDriver
    {
        public override string Name => "docker";

        // Any engine that speaks the Docker API is served, Podman's compat API included (reported as Podman).
        private protected override string? Accept(DockerPing ping, string endpoint) => null;
    }
}
