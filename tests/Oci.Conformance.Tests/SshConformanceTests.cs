using Xunit;

namespace Oci.Conformance.Tests
{
    // The same suite over ssh://, through the test bed's sshd: everything a local socket does, over the remote route.

    /// <summary>The docker driver on dockerd over ssh:// (the remote's docker system dial-stdio, DOCKER_HOST set by sshd).</summary>
    [Collection(DockerEngine.Name)]
    public sealed class DockerDriverOverSshConformanceTests : DriverConformanceTests
    {
        protected override IOciDriver Driver => OciDrivers.Get("docker");
        protected override string Endpoint => TestBed.SshDockerHost;
        protected override OciConnectOptions ConnectOptions => TestBed.SshOptions;
        protected override ConformanceImages Images => TestBed.Images;
        protected override string ExpectedEngine => "Docker";

        // Props (containers) through the same engine's own socket: the Docker API client that makes them speaks no ssh.
        protected override ConformanceContainers CreateContainers() => new(TestBed.DockerHost);
    }

    /// <summary>The podman driver on Podman over ssh://, to the service's socket path.</summary>
    [Collection(PodmanEngine.Name)]
    public sealed class PodmanDriverOverSshConformanceTests : DriverConformanceTests
    {
        protected override IOciDriver Driver => OciDrivers.Get("podman");
        protected override string Endpoint => TestBed.SshPodmanHost;
        protected override OciConnectOptions ConnectOptions => TestBed.SshOptions;
        protected override ConformanceImages Images => TestBed.Images;
        protected override string ExpectedEngine => "Podman";

        // Podman samples pull progress on a timer: a fast local download may show no byte counts at all.
        protected override bool ReportsDownloadBytesAlways => false;

        // Podman drops the published ports of a container without a network (the test bed runs containers with none).
        protected override bool RecordsPortsWithoutNetwork => false;

        // libpod names the container's bundle (the folder of its OCI config).
        protected override bool NamesBundle => true;

        // podman login keeps an auth file, not a config folder.
        protected override string LoginConfigPath(string folder) => System.IO.Path.Combine(folder, "auth.json");

        // Props (containers) through the same engine's own socket: the Docker API client that makes them speaks no ssh.
        protected override ConformanceContainers CreateContainers() => new(TestBed.PodmanHost);
    }
}
