using System;
using System.Linq;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Drivers.Podman;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Integration
{
    [Collection(PodmanCollection.Name)]
    public class PodmanConnectTests
    {
        private readonly PodmanFixture _podman;
        public PodmanConnectTests(PodmanFixture podman) => _podman = podman;

        [Fact]
        public void The_podman_driver_is_built_in()
        {
            Assert.IsType<PodmanDriver>(OciDrivers.Get("podman"));
            Assert.IsType<PodmanDriver>(OciDrivers.Get("Podman"));
            Assert.Contains("podman", OciDrivers.Names);
            Assert.Contains("docker", OciDrivers.Names);
            var driver = new PodmanDriver();
            Assert.Equal("podman", driver.Name);
            // LIST, INSPECT and REMOVE are served for images and containers alike.
            Assert.Equal(OciMethods.All.OrderBy(m => m), Enum.GetValues<OciKind>().SelectMany(driver.Methods).Distinct().OrderBy(m => m));
        }

        [Fact]
        public async Task Connect_recognises_Podman_from_its_ping_and_pins_both_apis()
        {
            var c = _podman.Client.Connection;
            Assert.Equal(("podman", "Podman", PodmanFixture.PodmanHost), (c.Driver, c.Engine, c.Endpoint?.ToString()));
            Assert.Matches(@"^\d+\.\d+\.\d+", c.EngineVersion);

            using var raw = PodmanFixture.RawClient();
            using var ping = await raw.GetAsync("_ping");
            var compat = ping.Headers.GetValues("Api-Version").Single();
            var libpod = ping.Headers.GetValues("Libpod-Api-Version").Single();
            Assert.Equal(compat, c.ApiVersion); // 1.41 on podman 4.3
            var connection = Assert.IsType<PodmanConnection>(c);
            Assert.Equal(libpod, connection.LibpodVersion);
            Assert.StartsWith(libpod.Split('.')[0] + ".", c.EngineVersion); // the engine's version and its libpod API go together
        }

        [Fact]
        public async Task Ping_reports_Podman_and_the_os_its_ping_leaves_out()
        {
            var ping = Assert.IsType<OciPing>((await _podman.Client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Data);
            Assert.Equal(("Podman", "linux"), (ping.Engine, ping.OsType)); // Podman's ping has no OSType header; VERSION's Os stands in
        }

        [Fact]
        public async Task Dockerd_is_refused_as_Unsupported_pointing_at_the_docker_driver()
        {
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("podman", TestBed.DockerHost));
            Assert.Equal((OciErrorKind.Unsupported, TestBed.DockerHost), (e.Kind, e.Target));
            Assert.Contains("which the podman driver does not serve", e.Message);
            Assert.Contains("Use the docker driver for it", e.Message);
            Assert.Contains("is Docker 20.", e.Message); // names what answered
        }

        [Fact]
        public async Task Another_Docker_API_engine_is_refused_after_one_ping()
        {
            await using var fake = new FakeEngine();
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("podman", fake.Endpoint));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Equal(new[] { "GET /_ping HTTP/1.1" }, fake.RequestLines.ToArray());
        }

        [Fact]
        public async Task A_dead_socket_is_EngineUnavailable_and_a_silent_engine_times_out()
        {
            var dead = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("podman", "unix:///tmp/oci-no-such-podman.sock"));
            Assert.Equal((OciErrorKind.EngineUnavailable, "unix:///tmp/oci-no-such-podman.sock"), (dead.Kind, dead.Target));

            await using var silent = new FakeEngine(silent: true);
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new PodmanDriver(), silent.Endpoint, new OciConnectOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) }));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("did not answer", e.Message);
        }

        [Fact]
        public async Task The_docker_driver_on_Podman_reports_Podman_but_speaks_only_the_compat_api()
        {
            await using var client = await OciClient.ConnectAsync("docker", PodmanFixture.PodmanHost);
            Assert.Equal(("docker", "Podman"), (client.Connection.Driver, client.Connection.Engine));
            Assert.IsType<DockerConnection>(client.Connection); // not a PodmanConnection: no libpod API
        }
    }
}
