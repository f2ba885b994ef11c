using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Discovery
{
    /// <summary>
    /// Discovery of remote engines as Docker and Podman users configure them — DOCKER_HOST and contexts with ssh://,
    /// CONTAINER_HOST and CONTAINER_SSHKEY, Podman's named connections — for real, through the test bed's sshd, in a
    /// throw-away HOME.
    /// </summary>
    public sealed class SshDiscoveryTests : IDisposable
    {
        private readonly DiscoverySandbox _box = new();

        public void Dispose() => _box.Dispose();

        /// <summary>The test bed's known_hosts, with a key only when given: the places under test bring their own.</summary>
        private OciDiscoveryOptions Options(string? key = null)
        {
            var options = _box.Options();
            options.Ssh = SshTestBed.Settings(key: key);
            return options;
        }

        private async Task<OciDiscoveryResult> DiscoverAsync(OciDiscoveryOptions options)
        {
            var result = await OciEngines.DiscoverAsync(options);
            var ping = (OciPing)(await result.Client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Data!;
            Assert.Equal(result.Client.Connection.Engine, ping.Engine);
            return result;
        }

        /// <summary>~/.config/containers/podman-connections.json, as Podman 5 writes it.</summary>
        private string WriteConnections(string? defaultName, params (string Name, string Uri, string? Identity, bool Machine)[] connections)
        {
            var entries = connections.Select(c =>
                $"\"{c.Name}\":{{\"URI\":\"{c.Uri}\"{(c.Identity is null ? "" : $",\"Identity\":\"{c.Identity}\"")}{(c.Machine ? ",\"IsMachine\":true" : "")}}}");
            return _box.Write("home/.config/containers/podman-connections.json",
                "{\"Connection\":{" + (defaultName is null ? "" : $"\"Default\":\"{defaultName}\",") + "\"Connections\":{" + string.Join(",", entries) + "}},\"Farm\":{}}");
        }

        /// <summary>dockerd's socket path behind the ssh host: the remote's podman fails on it (its libpod ping gets a 404), docker answers.</summary>
        private static string DockerOverSshByPath => SshTestBed.Endpoint + DiscoverySandbox.DockerSocket;

        [Fact]
        public async Task An_ssh_DOCKER_HOST_connects_to_the_remote_engine()
        {
            _box.Variables["DOCKER_HOST"] = SshTestBed.Endpoint;
            _box.LinkPodman("xdg/podman/podman.sock");
            await using var result = (await DiscoverAsync(Options(SshTestBed.Key))).Client;
            Assert.Equal(("Docker", SshTestBed.Endpoint, true), (result.Connection.Engine, result.Connection.Endpoint.ToString(), result.Connection.IsEncrypted));
        }

        [Fact]
        public async Task A_Docker_context_with_an_ssh_host_connects()
        {
            _box.WriteContext("remote", SshTestBed.Endpoint);
            _box.Variables["DOCKER_CONTEXT"] = "remote";
            var result = await DiscoverAsync(Options(SshTestBed.Key));
            await using var _ = result.Client;
            Assert.Equal((OciEndpointSource.DockerContext, "remote", "Docker"), (result.Candidate.Source, result.Candidate.ContextName, result.Client.Connection.Engine));
        }

        [Fact]
        public async Task CONTAINER_HOST_with_the_key_CONTAINER_SSHKEY_names_reaches_podman()
        {
            _box.Variables["CONTAINER_HOST"] = SshTestBed.PodmanEndpoint;
            _box.Variables["CONTAINER_SSHKEY"] = SshTestBed.Key;
            _box.LinkDocker("sys/var/run/docker.sock");
            var result = await DiscoverAsync(Options());
            await using var _ = result.Client;
            Assert.Equal((OciEndpointSource.ContainerHost, "CONTAINER_HOST"), (result.Candidate.Source, result.Candidate.SourceDescription));
            Assert.Equal(("Podman", "podman", SshTestBed.PodmanEndpoint), (result.Client.Connection.Engine, result.Client.Driver.Name, result.Client.Connection.Endpoint.ToString()));
            Assert.Equal(OciSshSettings.PodmanCli, result.Candidate.Ssh!.RemoteCli);
        }

        [Fact]
        public async Task Without_its_key_CONTAINER_HOST_is_refused_and_discovery_goes_on()
        {
            _box.Variables["CONTAINER_HOST"] = SshTestBed.PodmanEndpoint;
            var local = _box.LinkPodman("xdg/podman/podman.sock");
            var result = await DiscoverAsync(Options());
            await using var _ = result.Client;
            Assert.Equal(OciEndpointSource.PodmanRootless, result.Candidate.Source);
            Assert.Equal("unix://" + local, result.Client.Connection.Endpoint.ToString());
            var refused = result.Attempts.Single(a => a.Candidate.Source == OciEndpointSource.ContainerHost);
            Assert.Equal(OciErrorKind.Unauthorized, refused.FailureKind);
            Assert.Contains("Permission denied", refused.Failure);
        }

        [Fact]
        public async Task The_callers_key_wins_over_the_one_a_place_brings()
        {
            _box.Variables["CONTAINER_HOST"] = SshTestBed.PodmanEndpoint;
            _box.Variables["CONTAINER_SSHKEY"] = SshTestBed.OtherKey;
            var result = await DiscoverAsync(Options(SshTestBed.Key));
            await using var _ = result.Client;
            Assert.Equal((OciEndpointSource.ContainerHost, "Podman"), (result.Candidate.Source, result.Client.Connection.Engine));
        }

        [Fact]
        public async Task The_default_podman_connection_is_tried_before_the_local_sockets()
        {
            WriteConnections("pod", ("docker-box", DockerOverSshByPath, SshTestBed.Key, false), ("pod", SshTestBed.PodmanEndpoint, SshTestBed.Key, false));
            _box.LinkDocker("sys/var/run/docker.sock");
            var result = await DiscoverAsync(Options());
            await using var _ = result.Client;
            Assert.Equal((OciEndpointSource.PodmanDefaultConnection, "pod", "podman connection 'pod' (default)"),
                (result.Candidate.Source, result.Candidate.ConnectionName, result.Candidate.SourceDescription));
            Assert.Equal("Podman", result.Client.Connection.Engine);
        }

        [Fact]
        public async Task CONTAINER_CONNECTION_picks_the_connection_by_name()
        {
            WriteConnections("pod", ("docker-box", DockerOverSshByPath, SshTestBed.Key, false), ("pod", SshTestBed.PodmanEndpoint, SshTestBed.Key, false));
            _box.Variables["CONTAINER_CONNECTION"] = "docker-box";
            var result = await DiscoverAsync(Options());
            await using var _ = result.Client;
            Assert.Equal(("docker-box", "podman connection 'docker-box' (CONTAINER_CONNECTION)"), (result.Candidate.ConnectionName, result.Candidate.SourceDescription));
            // The remote's podman was asked first and could not reach dockerd; its docker could.
            Assert.Equal(("Docker", "docker"), (result.Client.Connection.Engine, result.Client.Driver.Name));
        }

        [Fact]
        public void A_CONTAINER_CONNECTION_that_names_no_connection_is_passed_over_with_the_reason()
        {
            WriteConnections(null, ("pod", SshTestBed.PodmanEndpoint, SshTestBed.Key, false));
            _box.Variables["CONTAINER_CONNECTION"] = "nope";
            var candidate = OciEndpointDiscovery.GetCandidates(Options()).Single(c => c.Source == OciEndpointSource.PodmanDefaultConnection);
            Assert.Null(candidate.Endpoint);
            Assert.Contains("no Podman connection named 'nope'", candidate.Problem);
        }

        [Fact]
        public async Task Other_connections_are_tried_only_after_the_local_sockets()
        {
            WriteConnections(null, ("far", SshTestBed.PodmanEndpoint, SshTestBed.Key, false));
            var candidates = OciEndpointDiscovery.GetCandidates(Options());
            Assert.Equal(OciEndpointSource.PodmanConnection, candidates.Last().Source);
            Assert.Equal("podman connection 'far'", candidates.Last().SourceDescription);

            var result = await DiscoverAsync(Options());
            await using (result.Client)
                Assert.Equal((OciEndpointSource.PodmanConnection, "Podman"), (result.Candidate.Source, result.Client.Connection.Engine));

            var local = _box.LinkDocker("xdg/docker.sock");
            result = await DiscoverAsync(Options());
            await using (result.Client)
            {
                Assert.Equal(OciEndpointSource.RootlessDocker, result.Candidate.Source);
                Assert.DoesNotContain(result.Attempts, a => a.Candidate.Source == OciEndpointSource.PodmanConnection);
            }
        }

        [Fact]
        public async Task Podman_4_connections_in_containers_conf_with_active_service_connect()
        {
            _box.Write("home/.config/containers/containers.conf",
                "[engine]\nactive_service = \"pod4\"\n\n[engine.service_destinations]\n" +
                $"  [engine.service_destinations.pod4]\n  uri = \"{SshTestBed.PodmanEndpoint}\"\n  identity = \"{SshTestBed.Key}\"\n" +
                $"  [engine.service_destinations.spare]\n  uri = \"{DockerOverSshByPath}\"\n");
            var result = await DiscoverAsync(Options());
            await using var _ = result.Client;
            Assert.Equal((OciEndpointSource.PodmanDefaultConnection, "pod4", "Podman"), (result.Candidate.Source, result.Candidate.ConnectionName, result.Client.Connection.Engine));
            Assert.Contains(OciEndpointDiscovery.GetCandidates(Options()), c => c.ConnectionName == "spare" && c.Source == OciEndpointSource.PodmanConnection);
        }

        [Fact]
        public async Task A_podman_machine_connection_is_reached_without_checking_its_host_key()
        {
            var knownHosts = _box.Write("known_hosts", string.Empty);
            var options = _box.Options();
            // No StrictHostKeyChecking here: what the candidate brings decides.
            options.Ssh = new OciSshSettings(configFile: "/dev/null", options: new[] { "UserKnownHostsFile=" + knownHosts, "GlobalKnownHostsFile=/dev/null" });

            WriteConnections("vm", ("vm", SshTestBed.PodmanEndpoint, SshTestBed.Key, false));
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(options));
            Assert.Contains("is not known", e.Attempts.Single(a => a.Candidate.ConnectionName == "vm").Failure);

            WriteConnections("vm", ("vm", SshTestBed.PodmanEndpoint, SshTestBed.Key, true));
            var result = await DiscoverAsync(options);
            await using var _ = result.Client;
            Assert.Equal(("vm", "Podman"), (result.Candidate.ConnectionName, result.Client.Connection.Engine));
        }

        [Fact]
        public void The_connections_file_wins_over_containers_conf_and_a_broken_file_is_reported_by_path()
        {
            WriteConnections("x", ("x", "ssh://json@h", null, false));
            _box.Write("home/.config/containers/containers.conf", "[engine.service_destinations.x]\nuri = \"ssh://conf@h\"\n[engine.service_destinations.y]\nuri = \"ssh://conf@y\"\n");
            var all = PodmanConnections.Load(_box.Environment());
            Assert.Equal(new[] { ("x", "ssh://json@h"), ("y", "ssh://conf@y") }, all.All.Select(c => (c.Name, c.Uri!)));
            Assert.Empty(all.Problems);

            var broken = _box.Write("home/.config/containers/containers.conf", "[engine\nactive_service = 1\n");
            var candidate = OciEndpointDiscovery.GetCandidates(Options()).First(c => c.Source == OciEndpointSource.PodmanDefaultConnection);
            Assert.Null(candidate.Endpoint);
            Assert.Contains(broken, candidate.Problem);
            Assert.Contains("not valid TOML", candidate.Problem);
        }

        [Fact]
        public void CONTAINERS_CONF_and_PODMAN_CONNECTIONS_CONF_name_the_files_to_read()
        {
            var conf = _box.Write("elsewhere/c.conf", "[engine]\nactive_service = \"a\"\n[engine.service_destinations.a]\nuri = \"ssh://a@h\"\n");
            var json = _box.Write("elsewhere/c.json", "{\"Connection\":{\"Connections\":{\"b\":{\"URI\":\"ssh://b@h\"}}}}");
            _box.Variables["CONTAINERS_CONF"] = conf;
            _box.Variables["PODMAN_CONNECTIONS_CONF"] = json;
            var all = PodmanConnections.Load(_box.Environment());
            Assert.Equal(new[] { "b", "a" }, all.All.Select(c => c.Name));
            Assert.Equal(("a", "default"), (all.DefaultName, all.DefaultFrom));
        }

        [Fact]
        public void This_machines_own_containers_conf_files_parse()
        {
            // The real /usr/share and /etc files (the test bed installs containers-common), with a HOME of our own.
            var env = OciEnvironment.FromVariables(new Dictionary<string, string?> { ["HOME"] = _box.Home });
            var files = PodmanConnections.ContainersConfFiles(env);
            var loaded = PodmanConnections.Load(env);
            Assert.True(loaded.Problems.Count == 0, string.Join("\n", loaded.Problems) + $" (files: {string.Join(", ", files)})");
        }
    }
}
