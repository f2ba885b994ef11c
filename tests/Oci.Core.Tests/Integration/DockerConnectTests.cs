using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Integration
{
    [Collection(DockerCollection.Name)]
    public class DockerConnectTests
    {
        private readonly DockerFixture _docker;
        public DockerConnectTests(DockerFixture docker) => _docker = docker;

        [Fact]
        public void Connect_learns_the_engine_its_version_and_api()
        {
            var c = _docker.Client.Connection;
            Assert.Equal("Docker", c.Engine);
            Assert.Equal("docker", c.Driver);
            Assert.Equal(TestBed.DockerHost, c.Endpoint?.ToString());
            Assert.Matches(@"^\d+\.\d+", c.EngineVersion);
            Assert.Equal("1.41", c.ApiVersion); // dockerd 20.10 announces 1.41, below the driver's cap
            Assert.True(c.IsConnected);
        }

        [Fact]
        public async Task Ping_version_and_info_answer_with_typed_data()
        {
            var ping = await _docker.Client.ExecuteAsync(new OciRequest(OciMethods.Ping));
            var p = Assert.IsType<OciPing>(ping.Data);
            Assert.Equal(("Docker", "1.41"), (p.Engine, p.ApiVersion));
            Assert.Equal((OciKind.Engine, "Docker", TestBed.DockerHost), (ping.Kind, ping.Engine, ping.Endpoint?.ToString()));

            var version = Assert.IsType<OciEngineVersion>((await _docker.Client.ExecuteAsync(new OciRequest("version"))).Data);
            Assert.Equal(_docker.Client.Connection.EngineVersion, version.Version);
            Assert.Equal("linux", version.Os);

            var info = Assert.IsType<OciEngineInfo>((await _docker.Client.ExecuteAsync(new OciRequest("INFO"))).Data);
            Assert.True(info.Cpus > 0);
            Assert.True(info.MemoryBytes > 0);
            Assert.Equal("linux", info.OsType);
        }

        [Fact]
        public async Task A_dead_unix_socket_is_EngineUnavailable_naming_the_endpoint()
        {
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", "unix:///tmp/oci-no-such-engine.sock"));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Equal("unix:///tmp/oci-no-such-engine.sock", e.Target);
            Assert.Contains("oci-no-such-engine.sock", e.Message);
        }

        [Fact]
        public async Task A_closed_tcp_port_is_EngineUnavailable()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop(); // nothing listens there now
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", $"tcp://127.0.0.1:{port}"));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
        }

        [Fact]
        public async Task An_engine_that_never_answers_fails_after_the_connect_timeout()
        {
            await using var silent = new FakeEngine(silent: true);
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new DockerDriver(), silent.Endpoint, new OciConnectOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) }));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("did not answer", e.Message);
        }

        [Fact]
        public async Task Connect_honours_cancellation()
        {
            await using var silent = new FakeEngine(silent: true);
            using var cts = new CancellationTokenSource(200);
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", silent.Endpoint, cts.Token));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
        }

        [Fact]
        public async Task Invalid_input_is_refused_before_any_request_is_sent()
        {
            await using var fake = new FakeEngine();
            await using var client = await OciClient.ConnectAsync("docker", fake.Endpoint);
            Assert.Equal("Docker", client.Connection.Engine);
            var before = fake.RequestLines.Count;

            var bad = await Assert.ThrowsAsync<OciException>(() => client.PullAsync("Bad/Reference:latest"));
            Assert.Equal((OciErrorKind.InvalidReference, "Bad/Reference:latest"), (bad.Kind, bad.Target));
            var inject = await Assert.ThrowsAsync<OciException>(() => client.PullAsync("alpine?fromImage=evil&tag=x"));
            Assert.Equal(OciErrorKind.InvalidReference, inject.Kind);
            var platform = await Assert.ThrowsAsync<OciException>(() => client.PullAsync("alpine", new OciPullOptions { Platform = "linux/amd64&x=1" }));
            Assert.Equal((OciErrorKind.InvalidArgument, "linux/amd64&x=1"), (platform.Kind, platform.Target));
            var inspect = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("INSPECT", "../../containers/json")));
            Assert.Equal(OciErrorKind.InvalidReference, inspect.Kind);
            var list = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("LIST", "a b\"c")));
            Assert.Equal(OciErrorKind.InvalidArgument, list.Kind);
            var unknown = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("PULL", "alpine", new System.Collections.Generic.Dictionary<string, object?> { ["tag"] = "x" })));
            Assert.Equal(OciErrorKind.InvalidArgument, unknown.Kind);

            Assert.Equal(before, fake.RequestLines.Count);
            Assert.All(fake.RequestLines, l => Assert.Matches("^GET /_ping HTTP/1.1$", l));
        }

        [Fact]
        public async Task Connecting_is_one_round_trip_the_ping()
        {
            await using var fake = new FakeEngine();
            await using var client = await OciClient.ConnectAsync("docker", fake.Endpoint);
            Assert.Equal(new[] { "GET /_ping HTTP/1.1" }, fake.RequestLines.ToArray());
            Assert.Equal(("Docker", "99.0.0-fake", "1.41"), (client.Connection.Engine, client.Connection.EngineVersion, client.Connection.ApiVersion));
        }

        [Fact]
        public async Task Requests_reuse_one_pooled_connection()
        {
            await using var fake = new FakeEngine();
            await using var client = await OciClient.ConnectAsync("docker", fake.Endpoint);
            for (var i = 0; i < 5; i++) await client.ExecuteAsync(new OciRequest(OciMethods.Version));
            Assert.Equal(6, fake.RequestLines.Count);
            Assert.Equal(1, fake.Connections);
        }

        [Fact]
        public async Task Engine_errors_from_another_engine_keep_their_text()
        {
            await using var fake = new FakeEngine();
            await using var client = await OciClient.ConnectAsync("docker", fake.Endpoint);
            var e = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("INFO")));
            Assert.Equal(OciErrorKind.EngineError, e.Kind);
            Assert.Equal("fake engine: not implemented", e.EngineMessage);
            Assert.Equal(500, e.StatusCode);
            Assert.Contains(fake.RequestLines, l => l.StartsWith("GET /v1.41/info", StringComparison.Ordinal));
        }
    }
}
