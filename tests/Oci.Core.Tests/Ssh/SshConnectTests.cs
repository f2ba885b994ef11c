using System;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Discovery;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Ssh
{
    /// <summary>ssh:// endpoints for real, through the test bed's sshd: which engine answers, by which remote CLI, and what the connection says.</summary>
    public sealed class SshConnectTests
    {
        private static async Task<OciPing> PingAsync(OciClient client) =>
            (OciPing)(await client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Data!;

        [Fact]
        public async Task Dockerd_answers_over_ssh_and_the_connection_is_encrypted()
        {
            await using var client = await OciClient.ConnectAsync("docker", SshTestBed.Endpoint, SshTestBed.Options());
            var c = client.Connection;
            Assert.Equal(("Docker", "docker", SshTestBed.Endpoint), (c.Engine, c.Driver, c.Endpoint.ToString()));
            Assert.True(c.IsEncrypted, "ssh encrypts what it carries");
            Assert.False(c.Endpoint.IsLocal);
            Assert.Equal("Docker", (await PingAsync(client)).Engine);
        }

        [Fact]
        public async Task Podman_answers_over_ssh_at_its_socket_path_through_the_podman_driver()
        {
            await using var client = await OciClient.ConnectAsync("podman", SshTestBed.PodmanEndpoint, SshTestBed.Options());
            Assert.Equal(("Podman", "podman"), (client.Connection.Engine, client.Connection.Driver));
            Assert.True(client.Connection.IsEncrypted);
            var version = (OciEngineVersion)(await client.ExecuteAsync(new OciRequest(OciMethods.Version))).Data!;
            Assert.Equal(client.Connection.EngineVersion, version.Version);
        }

        [Fact]
        public async Task The_user_can_come_from_the_settings_but_not_from_both_places_differently()
        {
            var endpoint = SshTestBed.Endpoint.Replace("root@", string.Empty);
            await using (var client = await OciClient.ConnectAsync("docker", endpoint, SshTestBed.Options(SshTestBed.Settings(user: "root"))))
                Assert.Equal("Docker", client.Connection.Engine);

            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", SshTestBed.Endpoint, SshTestBed.Options(SshTestBed.Settings(user: "someone"))));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("'root'", e.Message);
            Assert.Contains("'someone'", e.Message);
        }

        [Fact]
        public async Task Podman_first_falls_back_to_docker_when_podman_cannot_reach_an_engine_there()
        {
            // podman --url at dockerd's socket fails (its libpod ping gets a 404); docker --host at it then answers.
            var endpoint = SshTestBed.Endpoint + DiscoverySandbox.DockerSocket;
            await using var client = await OciClient.ConnectAsync("docker", endpoint, SshTestBed.Options(SshTestBed.Settings(remoteCli: OciSshSettings.PodmanCli)));
            Assert.Equal("Docker", client.Connection.Engine);
            // Learned: every request after the first goes straight to docker's dial-stdio, and works.
            for (var i = 0; i < 3; i++) Assert.Equal("Docker", (await PingAsync(client)).Engine);
        }

        [Fact]
        public async Task Docker_and_podman_both_failing_is_one_error_saying_what_each_said()
        {
            var endpoint = SshTestBed.Endpoint + "/tmp/oci-no-such-engine.sock";
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", endpoint, SshTestBed.Options()));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Equal(endpoint, e.Target);
            Assert.Contains("docker on the remote host could not reach its engine", e.Message);
            Assert.Contains("podman on the remote host could not reach its engine", e.Message);
            Assert.True(e.Message.IndexOf("docker on", StringComparison.Ordinal) < e.Message.IndexOf("podman on", StringComparison.Ordinal), "docker is tried first by default");
        }

        [Fact]
        public async Task The_podman_driver_does_not_serve_dockerd_reached_over_ssh()
        {
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("podman", SshTestBed.Endpoint, SshTestBed.Options()));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("docker driver", e.Message);
        }

        [Fact]
        public async Task A_key_file_or_config_file_that_is_not_there_is_refused_before_ssh_runs()
        {
            var missing = "/tmp/oci-no-such-key-" + Guid.NewGuid().ToString("N");
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", SshTestBed.Endpoint, SshTestBed.Options(SshTestBed.Settings(key: missing))));
            Assert.Equal((OciErrorKind.InvalidArgument, missing), (e.Kind, e.Target));
            Assert.Contains("ssh key file", e.Message);
            e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", SshTestBed.Endpoint, SshTestBed.Options(new OciSshSettings(configFile: missing))));
            Assert.Equal((OciErrorKind.InvalidArgument, missing), (e.Kind, e.Target));
            Assert.Contains("ssh config file", e.Message);
        }

        [Fact]
        public async Task The_bed_config_file_alone_is_enough()
        {
            await using var client = await OciClient.ConnectAsync("docker", SshTestBed.Endpoint, new OciConnectOptions { Ssh = new OciSshSettings(configFile: SshTestBed.Config) });
            Assert.Equal("Docker", (await PingAsync(client)).Engine);
        }

        [Fact]
        public void The_probe_takes_ssh_endpoints()
        {
            Assert.True(DockerApiProbe.Instance.CanProbe(OciEndpoint.Parse("ssh://me@host")));
            Assert.True(OciDrivers.Get("podman").Probe.CanProbe(OciEndpoint.Parse("ssh://me@host:2222/run/podman/podman.sock")));
        }
    }
}
