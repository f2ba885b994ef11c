using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Conformance.Tests
{
    // One collection per engine store: the suite removes and re-pulls shared images, so runs against the same
    // engine go one after another; the Docker and Podman runs touch different stores and may overlap.

    /// <summary>The built-in docker driver against the test bed's dockerd.</summary>
    [Collection(DockerEngine.Name)]
    public sealed class DockerDriverConformanceTests : DriverConformanceTests
    {
        protected override IOciDriver Driver => OciDrivers.Get("docker");
        protected override string Endpoint => TestBed.DockerHost;
        protected override ConformanceImages Images => TestBed.Images;
        protected override string ExpectedEngine => "Docker";
    }

    /// <summary>The built-in podman driver against the test bed's Podman API service.</summary>
    [Collection(PodmanEngine.Name)]
    public sealed class PodmanDriverConformanceTests : DriverConformanceTests
    {
        protected override IOciDriver Driver => OciDrivers.Get("podman");
        protected override string Endpoint => TestBed.PodmanHost;
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
    }

    /// <summary>The docker driver against Podman: only Podman's Docker-compatible API, which the docker driver also serves, as it is.</summary>
    [Collection(PodmanEngine.Name)]
    public sealed class DockerDriverOnPodmanConformanceTests : DriverConformanceTests
    {
        protected override IOciDriver Driver { get; } = new DockerDriver();
        protected override string Endpoint => TestBed.PodmanHost;
        protected override ConformanceImages Images => TestBed.Images;
        protected override string ExpectedEngine => "Podman";

        // Podman samples pull progress on a timer: a fast local download may show no byte counts at all.
        protected override bool ReportsDownloadBytesAlways => false;

        // Podman's compat pull stream has no "Status:" line: the docker driver cannot tell a download from an up-to-date image.
        protected override bool ReportsPullOutcome => false;

        // Podman drops the published ports of a container without a network (the test bed runs containers with none).
        protected override bool RecordsPortsWithoutNetwork => false;

        // Podman's compat stats answer carries no previous sample, so no CPU share can be computed from it.
        protected override bool ReportsCpuPercent => false;

        // Podman's compat API: its ancestor filter takes neither image ids nor tagless repositories, names match without
        // Docker's slash, and a wait for removal answers 0 (the podman driver works around all three through libpod).
        protected override bool FiltersAndWaitsLikeDockerd => false;

        // Podman's compatible /auth speaks only HTTPS to registries; the docker driver uses it as it is.
        protected override bool LogsInToPlainHttpRegistries => false;

        // Podman's compatible prune always adds dangling=true.
        protected override bool PrunesEveryUnusedImage => false;
    }

    [CollectionDefinition(Name)]
    public sealed class DockerEngine
    {
        public const string Name = "dockerd store";
    }

    [CollectionDefinition(Name)]
    public sealed class PodmanEngine
    {
        public const string Name = "podman store";
    }
}
