using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Oci.Tests.Discovery
{
    /// <summary>The candidate list (no engine contacted): order, sources, contexts, TLS, platforms.</summary>
    public sealed class EndpointCandidateTests : IDisposable
    {
        private readonly DiscoverySandbox _box = new();

        public void Dispose() => _box.Dispose();

        private IReadOnlyList<OciEndpointCandidate> Candidates(bool windows = false, string? endpoint = null, bool fallBack = false) =>
            OciEndpointDiscovery.GetCandidates(new OciDiscoveryOptions { Environment = _box.Environment(windows), Endpoint = endpoint, FallBack = fallBack });

        [Fact]
        public void Unix_order_is_explicit_host_context_default_rootless_podman()
        {
            _box.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
            _box.WriteConfig("{\"currentContext\":\"remote\"}");
            _box.WriteContext("remote", "unix:///ctx/docker.sock");

            var list = Candidates(endpoint: "unix:///explicit.sock", fallBack: true);

            Assert.Equal(new[]
            {
                "unix:///explicit.sock",
                "tcp://127.0.0.1:2375",
                "unix:///ctx/docker.sock",
                $"unix://{_box.System}/var/run/docker.sock",
                $"unix://{_box.Xdg}/docker.sock",
                $"unix://{_box.Home}/.docker/run/docker.sock",
                $"unix://{_box.System}/run/podman/podman.sock",
                $"unix://{_box.Xdg}/podman/podman.sock",
            }, list.Select(c => c.Endpoint?.ToString()));
            Assert.Equal(new[]
            {
                OciEndpointSource.Explicit, OciEndpointSource.DockerHost, OciEndpointSource.DockerContext, OciEndpointSource.PlatformDefault,
                OciEndpointSource.RootlessDocker, OciEndpointSource.RootlessDocker, OciEndpointSource.PodmanRootful, OciEndpointSource.PodmanRootless,
            }, list.Select(c => c.Source));
            Assert.Equal(new[]
            {
                "explicit endpoint", "DOCKER_HOST", $"context 'remote' (currentContext in {_box.Config}/config.json)", "platform default",
                "rootless docker ($XDG_RUNTIME_DIR)", "rootless docker (~/.docker/run)", "podman rootful", "podman rootless ($XDG_RUNTIME_DIR)",
            }, list.Select(c => c.SourceDescription));
            Assert.All(list, c => Assert.Null(c.Problem));
            Assert.Equal("remote", list[2].ContextName);
        }

        [Fact]
        public void Real_system_paths_are_used_without_a_system_root()
        {
            var env = OciEnvironment.FromVariables(new Dictionary<string, string?> { ["HOME"] = "/home/u" }, isWindows: false);
            var list = OciEndpointDiscovery.GetCandidates(new OciDiscoveryOptions { Environment = env });
            Assert.Equal(new[]
            {
                "unix:///var/run/docker.sock", "unix:///home/u/.docker/run/docker.sock", "unix:///run/podman/podman.sock",
            }, list.Select(c => c.Endpoint?.ToString()));
        }

        [Fact]
        public void An_explicit_endpoint_is_the_only_candidate_unless_falling_back()
        {
            _box.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
            var list = Candidates(endpoint: "  tcp://10.0.0.1:2375 ");
            var only = Assert.Single(list);
            Assert.Equal("tcp://10.0.0.1:2375", only.Endpoint?.ToString());
            Assert.Equal(OciEndpointSource.Explicit, only.Source);
            Assert.True(Candidates(endpoint: "tcp://10.0.0.1:2375", fallBack: true).Count > 1);
        }

        [Fact]
        public void Windows_has_the_docker_engine_pipe_then_the_podman_machine_pipe()
        {
            _box.Variables.Remove("HOME");
            _box.Variables["USERPROFILE"] = @"C:\Users\u";
            var list = Candidates(windows: true);
            Assert.Equal(new[] { "npipe:////./pipe/docker_engine", "npipe:////./pipe/podman-machine-default" }, list.Select(c => c.Endpoint?.ToString()));
            Assert.Equal(new[] { OciEndpointSource.PlatformDefault, OciEndpointSource.PodmanMachine }, list.Select(c => c.Source));
            Assert.Equal(new[] { "platform default", "podman machine" }, list.Select(c => c.SourceDescription));
        }

        [Fact]
        public void Windows_reads_the_context_from_the_profile_directory()
        {
            // On Windows HOME is not the home: USERPROFILE is. Point it at the sandbox's home.
            _box.Variables.Remove("HOME");
            _box.Variables["USERPROFILE"] = _box.Home;
            _box.WriteConfig("{\"currentContext\":\"win\"}");
            _box.WriteContext("win", "npipe:////./pipe/dockerDesktopLinuxEngine");
            var list = Candidates(windows: true);
            Assert.Equal("npipe:////./pipe/dockerDesktopLinuxEngine", list[0].Endpoint?.ToString());
            Assert.Equal(OciEndpointSource.DockerContext, list[0].Source);
        }

        [Fact]
        public void DOCKER_CONTEXT_overrides_currentContext()
        {
            _box.WriteConfig("{\"currentContext\":\"a\"}");
            _box.WriteContext("a", "unix:///a.sock");
            _box.WriteContext("b", "unix:///b.sock");
            _box.Variables["DOCKER_CONTEXT"] = "b";
            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Equal("unix:///b.sock", ctx.Endpoint?.ToString());
            Assert.Equal("context 'b' (DOCKER_CONTEXT)", ctx.SourceDescription);
            Assert.Equal("b", OciEndpointDiscovery.CurrentContextName(_box.Environment()));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void The_default_context_means_no_context(bool viaVariable)
        {
            _box.WriteConfig("{\"currentContext\":\"" + (viaVariable ? "a" : "default") + "\"}");
            _box.WriteContext("a", "unix:///a.sock");
            if (viaVariable) _box.Variables["DOCKER_CONTEXT"] = "default";
            Assert.DoesNotContain(Candidates(), c => c.Source == OciEndpointSource.DockerContext);
            Assert.Null(OciEndpointDiscovery.CurrentContextName(_box.Environment()));
        }

        [Fact]
        public void DOCKER_CONFIG_moves_config_json_and_the_context_store()
        {
            var other = _box.Dir("otherconfig");
            _box.Variables["DOCKER_CONFIG"] = other;
            _box.WriteConfig("{\"currentContext\":\"ignored\"}");
            _box.Write("otherconfig/config.json", "{\"currentContext\":\"moved\"}");
            _box.WriteContext("moved", "tcp://127.0.0.1:1234", configDir: other);
            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Equal("tcp://127.0.0.1:1234", ctx.Endpoint?.ToString());
            Assert.Contains(Path.Combine(other, "config.json"), ctx.SourceDescription);
        }

        [Fact]
        public void The_context_store_is_keyed_by_the_sha256_of_the_name()
        {
            // printf %s remote | sha256sum
            Assert.Equal("b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a", DockerConfigFile.ContextDirectoryName("remote"));
            Assert.Equal(Path.Combine("/c", "contexts", "meta", "b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a", "meta.json"),
                DockerConfigFile.ContextMetaPath("/c", "remote"));
        }

        [Fact]
        public void A_malformed_meta_json_is_a_candidate_with_a_problem_naming_the_file()
        {
            _box.WriteConfig("{\"currentContext\":\"broken\"}");
            var meta = _box.WriteContext("broken", "unix:///x.sock");
            File.WriteAllText(meta, "{\"Endpoints\": {\"docker\": {\"Host\": ");
            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Null(ctx.Endpoint?.ToString());
            Assert.Equal("broken", ctx.ContextName);
            Assert.Contains(meta, ctx.Problem);
            Assert.Contains("not valid JSON", ctx.Problem);
        }

        [Theory]
        [InlineData("{\"Name\":\"x\"}", "no Endpoints.docker object")]
        [InlineData("{\"Endpoints\":{\"docker\":{\"Host\":\"\"}}}", "Endpoints.docker.Host is missing or empty")]
        [InlineData("{\"Endpoints\":{\"docker\":{\"Host\":42}}}", "\"Host\" is not a string")]
        [InlineData("[1,2]", "no Endpoints.docker object")]
        public void A_meta_json_without_a_usable_host_is_a_problem(string content, string why)
        {
            _box.Variables["DOCKER_CONTEXT"] = "odd";
            File.WriteAllText(_box.WriteContext("odd", "unused"), content);
            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Contains(why, ctx.Problem);
        }

        [Fact]
        public void Field_names_match_case_insensitively_as_in_go()
        {
            _box.WriteConfig("{\"CURRENTCONTEXT\":\"c\"}");
            File.WriteAllText(_box.WriteContext("c", "unused"), "{\"endpoints\":{\"docker\":{\"host\":\"unix:///c.sock\"}}}");
            Assert.Equal("unix:///c.sock", Candidates().Single(c => c.Source == OciEndpointSource.DockerContext).Endpoint?.ToString());
        }

        [Fact]
        public void A_missing_context_is_a_problem()
        {
            _box.Variables["DOCKER_CONTEXT"] = "ghost";
            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Equal("context 'ghost' (DOCKER_CONTEXT)", ctx.SourceDescription);
            Assert.Contains("context 'ghost' does not exist", ctx.Problem);
        }

        [Fact]
        public void A_malformed_config_json_is_a_problem_of_the_context_rung()
        {
            _box.WriteConfig("{ not json");
            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Contains("config.json is malformed", ctx.Problem);
            Assert.Null(OciEndpointDiscovery.CurrentContextName(_box.Environment()));
        }

        [Fact]
        public void No_config_json_means_no_context_rung()
        {
            Assert.DoesNotContain(Candidates(), c => c.Source == OciEndpointSource.DockerContext);
        }

        [Fact]
        public void DOCKER_TLS_VERIFY_and_DOCKER_CERT_PATH_give_tcp_endpoints_their_files()
        {
            var certs = _box.Dir("certs");
            File.WriteAllText(Path.Combine(certs, "ca.pem"), "x");
            File.WriteAllText(Path.Combine(certs, "cert.pem"), "x");
            _box.Variables["DOCKER_HOST"] = "tcp://127.0.0.1:2376";
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            _box.Variables["DOCKER_CERT_PATH"] = certs;

            var host = Candidates().Single(c => c.Source == OciEndpointSource.DockerHost);
            Assert.NotNull(host.Tls);
            Assert.True(host.Tls!.Verify);
            Assert.Equal(Path.Combine(certs, "ca.pem"), host.Tls.CaCertificatePath);
            Assert.Equal(Path.Combine(certs, "cert.pem"), host.Tls.ClientCertificatePath);
            Assert.Null(host.Tls.ClientKeyPath); // not there: left out, as the docker CLI does
            Assert.Equal("DOCKER_TLS_VERIFY", host.Tls.Source);
            Assert.All(Candidates().Where(c => c.Source != OciEndpointSource.DockerHost), c => Assert.Null(c.Tls));
        }

        [Fact]
        public void DOCKER_CERT_PATH_defaults_to_the_config_directory()
        {
            File.WriteAllText(Path.Combine(_box.Config, "key.pem"), "x");
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            var tls = Candidates(endpoint: "tcp://example:2376").Single().Tls;
            Assert.Equal(Path.Combine(_box.Config, "key.pem"), tls!.ClientKeyPath);
        }

        [Fact]
        public void TLS_variables_do_not_apply_to_sockets_and_DOCKER_TLS_alone_does_not_verify()
        {
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            _box.Variables["DOCKER_HOST"] = "unix:///some.sock";
            Assert.Null(Candidates().Single(c => c.Source == OciEndpointSource.DockerHost).Tls);

            _box.Variables.Remove("DOCKER_TLS_VERIFY");
            _box.Variables["DOCKER_TLS"] = "1";
            _box.Variables["DOCKER_HOST"] = "tcp://h:2376";
            var tls = Candidates().Single(c => c.Source == OciEndpointSource.DockerHost).Tls;
            Assert.False(tls!.Verify);
            Assert.Equal("DOCKER_TLS", tls.Source);

            _box.Variables.Remove("DOCKER_TLS");
            Assert.Null(Candidates().Single(c => c.Source == OciEndpointSource.DockerHost).Tls);
        }

        [Fact]
        public void Explicit_TLS_settings_override_the_environment_for_the_explicit_endpoint()
        {
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            var mine = new OciTlsSettings("/my/ca.pem", source: "-CertificatePath");
            var c = OciEndpointDiscovery.GetCandidates(new OciDiscoveryOptions { Environment = _box.Environment(), Endpoint = "tcp://h:2376", Tls = mine }).Single();
            Assert.Same(mine, c.Tls);
        }

        [Fact]
        public void A_tcp_context_carries_its_tls_files_and_SkipTLSVerify()
        {
            _box.Variables["DOCKER_CONTEXT"] = "secure";
            _box.WriteContext("secure", "tcp://10.1.2.3:2376", skipTlsVerify: true);
            var tlsDir = _box.Dir(Path.Combine("home/.docker/contexts/tls", DiscoverySandbox.Sha256("secure"), "docker"));
            foreach (var f in new[] { "ca.pem", "cert.pem", "key.pem" }) File.WriteAllText(Path.Combine(tlsDir, f), "x");

            var ctx = Candidates().Single(c => c.Source == OciEndpointSource.DockerContext);
            Assert.Equal("tcp://10.1.2.3:2376", ctx.Endpoint?.ToString());
            Assert.False(ctx.Tls!.Verify);
            Assert.Equal(Path.Combine(tlsDir, "ca.pem"), ctx.Tls.CaCertificatePath);
            Assert.Equal(Path.Combine(tlsDir, "cert.pem"), ctx.Tls.ClientCertificatePath);
            Assert.Equal(Path.Combine(tlsDir, "key.pem"), ctx.Tls.ClientKeyPath);
            Assert.Equal("context 'secure'", ctx.Tls.Source);
        }

        [Fact]
        public void A_tcp_context_without_tls_material_is_plain()
        {
            _box.Variables["DOCKER_CONTEXT"] = "plain";
            _box.WriteContext("plain", "tcp://10.1.2.3:2375");
            Assert.Null(Candidates().Single(c => c.Source == OciEndpointSource.DockerContext).Tls);
        }

        [Fact]
        public void The_same_endpoint_is_listed_once_under_its_first_source()
        {
            _box.Variables["DOCKER_HOST"] = $"unix://{_box.System}//var/run/docker.sock";
            _box.Variables["XDG_RUNTIME_DIR"] = _box.Xdg + "/";
            var list = Candidates();
            Assert.Single(list, c => c.Endpoint!.ToString().EndsWith("/var/run/docker.sock"));
            Assert.Equal(OciEndpointSource.DockerHost, list[0].Source);
            Assert.DoesNotContain(list, c => c.Source == OciEndpointSource.PlatformDefault);
            Assert.Contains(list, c => c.Endpoint?.ToString() == $"unix://{_box.Xdg}/docker.sock");
        }

        [Fact]
        public void Empty_variables_count_as_unset()
        {
            _box.Variables["DOCKER_HOST"] = "";
            _box.Variables["DOCKER_CONTEXT"] = "";
            _box.Variables["XDG_RUNTIME_DIR"] = "";
            var list = Candidates();
            Assert.DoesNotContain(list, c => c.Source is OciEndpointSource.DockerHost or OciEndpointSource.DockerContext or OciEndpointSource.PodmanRootless);
            Assert.Equal(3, list.Count); // platform default, ~/.docker/run, podman rootful
        }

        [Fact]
        public void Candidates_describe_themselves()
        {
            var c = new OciEndpointCandidate("tcp://h:1", OciEndpointSource.DockerHost, "DOCKER_HOST");
            Assert.Equal("tcp://h:1 (DOCKER_HOST)", c.ToString());
            Assert.Equal("tcp", c.Endpoint!.Scheme);
            var bad = new OciEndpointCandidate("tcp://", OciEndpointSource.DockerHost, "DOCKER_HOST");
            Assert.Null(bad.Endpoint);
            Assert.Equal("tcp://", bad.EndpointText);
            Assert.StartsWith("'tcp://' is not a valid engine endpoint", bad.Problem);
            Assert.Throws<ArgumentException>(() => new OciEndpointCandidate(null, OciEndpointSource.DockerContext, "context 'x'"));
            Assert.Equal("TLS (verify, ca /c.pem) from here", new OciTlsSettings("/c.pem", source: "here").ToString());
        }

        [Fact]
        public void There_is_one_connect_timeout_and_the_probe_timeout_is_a_fifth_of_it()
        {
            Assert.Equal(OciConnectOptions.DefaultConnectTimeout, new OciDiscoveryOptions().ConnectTimeout);
            Assert.Equal(TimeSpan.FromSeconds(10), new OciConnectOptions().ConnectTimeout);
            Assert.Equal(TimeSpan.FromSeconds(2), new OciDiscoveryOptions().ProbeTimeout);
            Assert.Equal(TimeSpan.FromSeconds(6), new OciDiscoveryOptions { ConnectTimeout = TimeSpan.FromSeconds(30) }.ProbeTimeout);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(86_401)]
        public void A_connect_timeout_must_be_more_than_zero_and_at_most_a_day(int seconds)
        {
            var value = TimeSpan.FromSeconds(seconds);
            foreach (var set in new Action[] { () => new OciDiscoveryOptions { ConnectTimeout = value }, () => new OciConnectOptions { ConnectTimeout = value } })
            {
                var e = Assert.Throws<OciException>(set);
                Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
                Assert.Contains("at most one day", e.Message);
            }
            Assert.Throws<OciException>(() => new OciConnectOptions { ConnectTimeout = System.Threading.Timeout.InfiniteTimeSpan });
        }
    }
}
