namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The built-in driver for the Docker Engine API (registered as <c>docker</c>). Endpoints: <c>unix://</c>,
    /// <c>tcp://</c>, <c>http(s)://</c>, <c>npipe://</c>, <c>ssh://</c> (<see cref="OciConnectOptions.Ssh"/>: the remote's
    /// <c>docker system dial-stdio</c>, or podman's). The API version is the one the engine's ping announces,
    /// capped at what the driver models. <c>tcp://</c> endpoints use TLS when <see cref="OciConnectOptions.Tls"/> is given,
    /// else when <c>DOCKER_TLS_VERIFY</c> (or <c>DOCKER_TLS</c>) is set, with the PEM files of <c>DOCKER_CERT_PATH</c>, as
    /// the docker CLI does; <c>https://</c> endpoints always do. It serves any engine that speaks the Docker API,
    /// Podman's compatible API included (as that API behaves), with less preference than an engine's own driver.
    /// </summary>
    public sealed class DockerDriver : DockerApiDriver<DockerConnection>
    {
        public override string Name => "docker";

        public override int Serves(OciProbeResult answer) => answer is DockerProbeResult ? 1 : 0;

        private protected override DockerConnection Create(DockerProbeResult answer) => new DockerConnection(Name, answer, RequestTimeout);
    }
}
