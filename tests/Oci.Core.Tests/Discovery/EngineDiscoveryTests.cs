using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Tests.Discovery
{
    /// <summary>
    /// Every rung of the discovery order for real: a temporary HOME, DOCKER_CONFIG and XDG_RUNTIME_DIR (and a
    /// stand-in "/") whose sockets are symlinks to the test bed's dockerd and Podman service.
    /// </summary>
    public sealed class EngineDiscoveryTests : IDisposable
    {
        private readonly DiscoverySandbox _box = new();

        public void Dispose() => _box.Dispose();

        private async Task<OciDiscoveryResult> DiscoverAsync(OciDiscoveryOptions? options = null)
        {
            var result = await OciEngines.DiscoverAsync(options ?? _box.Options());
            // The client really works: a ping through it answers.
            var ping = await result.Client.ExecuteAsync(new OciRequest(OciMethods.Ping));
            Assert.Equal(result.Client.Connection.Engine, ((OciPing)ping.Data!).Engine);
            return result;
        }

        private static async Task AssertWinner(OciDiscoveryResult result, OciEndpointSource source, string socket, string engine)
        {
            await using var _ = result.Client;
            Assert.Equal(source, result.Candidate.Source);
            Assert.Equal("unix://" + socket, result.Client.Connection.Endpoint.ToString());
            Assert.Equal(engine, result.Client.Connection.Engine);
            Assert.Equal(engine == "Podman" ? "podman" : "docker", result.Client.Driver.Name);
            Assert.True(result.Attempts.Last().Succeeded);
            Assert.Same(result.Candidate, result.Attempts.Last().Candidate);
        }

        [Fact]
        public async Task The_explicit_endpoint_wins()
        {
            _box.Variables["DOCKER_HOST"] = "unix://" + DiscoverySandbox.PodmanSocket;
            var options = _box.Options();
            options.Endpoint = "unix://" + DiscoverySandbox.DockerSocket;
            var result = await DiscoverAsync(options);
            await AssertWinner(result, OciEndpointSource.Explicit, DiscoverySandbox.DockerSocket, "Docker");
            Assert.Single(result.Attempts);
        }

        [Fact]
        public async Task DOCKER_HOST_beats_everything_below_it()
        {
            _box.Variables["DOCKER_HOST"] = "unix://" + _box.LinkPodman("dh/podman.sock");
            _box.LinkDocker("sys/var/run/docker.sock");
            _box.LinkDocker("xdg/docker.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.DockerHost, Path.Combine(_box.Root, "dh/podman.sock"), "Podman");
            Assert.Equal("DOCKER_HOST", result.Candidate.SourceDescription);
        }

        [Fact]
        public async Task The_current_context_beats_the_platform_default()
        {
            _box.WriteConfig("{\"auths\":{},\"currentContext\":\"pod\"}");
            _box.WriteContext("pod", "unix://" + _box.LinkPodman("ctx/podman.sock"));
            _box.LinkDocker("sys/var/run/docker.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.DockerContext, Path.Combine(_box.Root, "ctx/podman.sock"), "Podman");
            Assert.Equal("pod", result.Candidate.ContextName);
        }

        [Fact]
        public async Task DOCKER_CONTEXT_overrides_currentContext()
        {
            _box.WriteConfig("{\"currentContext\":\"pod\"}");
            _box.WriteContext("pod", "unix://" + _box.LinkPodman("ctx/podman.sock"));
            _box.WriteContext("dock", "unix://" + _box.LinkDocker("ctx/docker.sock"));
            _box.Variables["DOCKER_CONTEXT"] = "dock";
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.DockerContext, Path.Combine(_box.Root, "ctx/docker.sock"), "Docker");
            Assert.Equal("context 'dock' (DOCKER_CONTEXT)", result.Candidate.SourceDescription);
        }

        [Fact]
        public async Task The_default_context_falls_through_to_the_platform_default()
        {
            _box.WriteConfig("{\"currentContext\":\"pod\"}");
            _box.WriteContext("pod", "unix://" + _box.LinkPodman("ctx/podman.sock"));
            _box.Variables["DOCKER_CONTEXT"] = "default";
            var socket = _box.LinkDocker("sys/var/run/docker.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.PlatformDefault, socket, "Docker");
            Assert.Single(result.Attempts);
        }

        [Fact]
        public async Task A_context_with_a_malformed_meta_json_is_skipped_with_its_reason()
        {
            _box.WriteConfig("{\"currentContext\":\"broken\"}");
            var meta = _box.WriteContext("broken", "unused");
            File.WriteAllText(meta, "{\"Endpoints\":");
            var socket = _box.LinkDocker("sys/var/run/docker.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.PlatformDefault, socket, "Docker");
            var skipped = result.Attempts[0];
            Assert.Equal(OciEndpointSource.DockerContext, skipped.Candidate.Source);
            Assert.False(skipped.Probed);
            Assert.Equal(OciErrorKind.InvalidArgument, skipped.FailureKind);
            Assert.Contains(meta, skipped.Failure);
            Assert.Contains("not valid JSON", skipped.Failure);
        }

        [Fact]
        public async Task The_platform_default_socket()
        {
            var socket = _box.LinkDocker("sys/var/run/docker.sock");
            _box.LinkPodman("sys/run/podman/podman.sock");
            await AssertWinner(await DiscoverAsync(), OciEndpointSource.PlatformDefault, socket, "Docker");
        }

        [Fact]
        public async Task Rootless_docker_in_XDG_RUNTIME_DIR()
        {
            var socket = _box.LinkDocker("xdg/docker.sock");
            _box.LinkPodman("sys/run/podman/podman.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.RootlessDocker, socket, "Docker");
            Assert.Equal("rootless docker ($XDG_RUNTIME_DIR)", result.Candidate.SourceDescription);
        }

        [Fact]
        public async Task Docker_in_the_home_run_directory()
        {
            var socket = _box.LinkDocker("home/.docker/run/docker.sock");
            _box.LinkPodman("sys/run/podman/podman.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.RootlessDocker, socket, "Docker");
            Assert.Equal("rootless docker (~/.docker/run)", result.Candidate.SourceDescription);
        }

        [Fact]
        public async Task Podman_rootful_when_no_docker_answers()
        {
            var socket = _box.LinkPodman("sys/run/podman/podman.sock");
            _box.LinkPodman("xdg/podman/podman.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.PodmanRootful, socket, "Podman");
            Assert.Equal(4, result.Attempts.Count); // default, xdg docker, ~/.docker/run, then podman
            Assert.All(result.Attempts.Take(3), a => Assert.False(a.Probed));
        }

        [Fact]
        public async Task Podman_rootless_last()
        {
            var socket = _box.LinkPodman("xdg/podman/podman.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.PodmanRootless, socket, "Podman");
            Assert.Equal(5, result.Attempts.Count);
        }

        [Fact]
        public async Task Only_podman_running_connects_with_no_arguments_beyond_the_environment()
        {
            _box.LinkPodman("xdg/podman/podman.sock");
            await using var client = await OciEngines.ConnectAsync(_box.Options());
            Assert.Equal("Podman", client.Connection.Engine);
        }

        [Fact]
        public async Task Dead_candidates_are_passed_over_fast()
        {
            // DOCKER_HOST: a socket file nobody listens on (refused at once); the context: a closed TCP port;
            // the platform default: no file at all (no network call); then a socket that never answers
            // (bounded by the probe timeout); rootless docker answers.
            _box.Variables["DOCKER_HOST"] = "unix://" + _box.DeadSocket("dead.sock");
            _box.Variables["DOCKER_CONTEXT"] = "closed";
            _box.WriteContext("closed", "tcp://127.0.0.1:" + ClosedPort());
            _box.Link("home/.docker/run/docker.sock", Path.Combine(_box.Root, "nowhere.sock")); // dangling link
            var silent = _box.SilentSocket("silent.sock");
            _box.Link("xdg/docker.sock", silent);
            _box.LinkPodman("sys/run/podman/podman.sock");

            var watch = Stopwatch.StartNew();
            var result = await DiscoverAsync(_box.Options(TimeSpan.FromMilliseconds(500)));
            watch.Stop();

            await AssertWinner(result, OciEndpointSource.PodmanRootful, Path.Combine(_box.System, "run/podman/podman.sock"), "Podman");
            // A hang guard only (about 0.5 s expected): "fast" is proven by the reasons below, not by the clock.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
            var a = result.Attempts;
            Assert.Equal(new[] { OciEndpointSource.DockerHost, OciEndpointSource.DockerContext, OciEndpointSource.PlatformDefault, OciEndpointSource.RootlessDocker, OciEndpointSource.RootlessDocker, OciEndpointSource.PodmanRootful },
                a.Select(x => x.Candidate.Source));
            Assert.True(a[0].Probed);
            Assert.Equal(OciErrorKind.EngineUnavailable, a[0].FailureKind);
            Assert.DoesNotContain("did not answer", a[0].Failure); // refused at once, not waited out
            Assert.True(a[1].Probed);
            Assert.DoesNotContain("did not answer", a[1].Failure);
            Assert.False(a[2].Probed);
            Assert.Contains("no socket at", a[2].Failure);
            Assert.True(a[3].Probed);
            Assert.Equal(OciErrorKind.EngineUnavailable, a[3].FailureKind);
            Assert.Equal("it did not answer a ping within 0.5 s", a[3].Failure);
            Assert.False(a[4].Probed); // the dangling link: no socket behind it
            Assert.Contains("no socket at", a[4].Failure);
        }

        [Fact]
        public async Task When_nothing_answers_one_error_lists_every_place_its_source_and_why()
        {
            _box.Variables["DOCKER_HOST"] = "unix://" + _box.DeadSocket("dead.sock");
            _box.WriteConfig("{\"currentContext\":\"broken\"}");
            File.WriteAllText(_box.WriteContext("broken", "x"), "not json");
            _box.Link("xdg/docker.sock", _box.SilentSocket("silent.sock"));

            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(_box.Options(TimeSpan.FromMilliseconds(300))));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // hang guard

            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Equal(7, e.Attempts.Count);
            Assert.All(e.Attempts, a => Assert.False(a.Succeeded));
            var lines = e.Message.Split('\n');
            Assert.StartsWith("No container engine answered; tried 7 places, in order:", lines[0]);
            Assert.Contains($"  - DOCKER_HOST: unix://{_box.Root}/dead.sock: ", lines[1]);
            Assert.Contains("context 'broken' (currentContext in ", lines[2]);
            Assert.Contains("not valid JSON", lines[2]);
            Assert.Contains($"  - platform default: unix://{_box.System}/var/run/docker.sock: no socket at {_box.System}/var/run/docker.sock", lines[3]);
            Assert.Contains($"  - rootless docker ($XDG_RUNTIME_DIR): unix://{_box.Xdg}/docker.sock: it did not answer a ping within 0.3 s", lines[4]);
            Assert.Contains($"  - rootless docker (~/.docker/run): unix://{_box.Home}/.docker/run/docker.sock: no socket at", lines[5]);
            Assert.Contains($"  - podman rootful: unix://{_box.System}/run/podman/podman.sock: no socket at", lines[6]);
            Assert.Contains($"  - podman rootless ($XDG_RUNTIME_DIR): unix://{_box.Xdg}/podman/podman.sock: no socket at", lines[7]);
            Assert.Contains("Start Docker or Podman", lines[8]);
        }

        [Fact]
        public async Task An_explicit_endpoint_that_does_not_answer_is_not_replaced_by_another_engine()
        {
            _box.LinkDocker("sys/var/run/docker.sock");
            var options = _box.Options();
            options.Endpoint = "unix://" + Path.Combine(_box.Root, "missing.sock");
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.StartsWith("No container engine answered at the one place tried:", e.Message);
            Assert.Contains("explicit endpoint", e.Message);
            Assert.Equal(options.Endpoint, e.Target);

            options.FallBack = true;
            var result = await DiscoverAsync(options);
            await AssertWinner(result, OciEndpointSource.PlatformDefault, Path.Combine(_box.System, "var/run/docker.sock"), "Docker");
        }

        [Fact]
        public async Task An_invalid_explicit_endpoint_is_InvalidArgument()
        {
            var options = _box.Options();
            options.Endpoint = "bogus://x";
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("bogus", e.Message);
        }

        [Fact]
        public async Task A_scheme_no_registered_driver_reaches_is_a_clear_error_naming_the_source()
        {
            // Only the memory driver may be used: it reaches mem:// only, so unix:// is a known scheme nobody here takes.
            var options = _box.Options();
            options.Endpoint = "unix://" + DiscoverySandbox.DockerSocket;
            options.Drivers = new IOciDriver[] { new Support.MemoryDriver() };
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("none of the drivers tried (memory) reaches unix:// endpoints", e.Message);
            Assert.False(e.Attempts.Single().Probed);
        }

        [Fact]
        public async Task An_ssh_DOCKER_HOST_that_refuses_falls_through_to_an_engine_that_answers()
        {
            _box.Variables["DOCKER_HOST"] = Support.SshTestBed.ClosedEndpoint();
            var socket = _box.LinkDocker("xdg/docker.sock");
            var result = await DiscoverAsync();
            await AssertWinner(result, OciEndpointSource.RootlessDocker, socket, "Docker");
            var first = result.Attempts[0];
            Assert.Equal((OciEndpointSource.DockerHost, OciErrorKind.EngineUnavailable, true), (first.Candidate.Source, first.FailureKind, first.Probed));
            Assert.Contains("connection refused", first.Failure);
        }

        [Fact]
        public async Task A_forced_driver_is_used_even_for_podman()
        {
            _box.LinkPodman("xdg/podman/podman.sock");
            var options = _box.Options();
            options.Driver = "docker";
            await using var client = await OciEngines.ConnectAsync(options);
            Assert.Equal("docker", client.Driver.Name);
            Assert.Equal("Podman", client.Connection.Engine);
        }

        [Fact]
        public async Task An_unknown_forced_driver_fails_before_probing()
        {
            var options = _box.Options();
            options.Driver = "no-such-driver";
            var e = await Assert.ThrowsAsync<OciException>(() => OciEngines.ConnectAsync(options));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("no-such-driver", e.Message);
            Assert.Contains("docker", e.Message);
        }

        [Fact]
        public async Task The_driver_is_the_one_that_serves_what_answered_best()
        {
            var socket = _box.LinkPodman("xdg/podman/podman.sock");
            var options = _box.Options();
            await using (var client = await OciEngines.ConnectAsync(options))
            {
                Assert.Equal("podman", client.Driver.Name);
                Assert.Equal("unix://" + socket, client.Connection.Endpoint.ToString());
            }

            // Among drivers that do not include podman, the docker driver serves Podman too.
            options.Drivers = new[] { OciDrivers.Get("docker") };
            await using (var viaDocker = await OciEngines.ConnectAsync(options))
                Assert.Equal(("docker", "Podman"), (viaDocker.Driver.Name, viaDocker.Connection.Engine));

            // A Docker winner is served by the docker driver: the podman driver does not serve dockerd.
            options.Drivers = null;
            _box.LinkDocker("xdg/docker.sock");
            await using var docker = await OciEngines.ConnectAsync(options);
            Assert.Equal(("docker", "Docker"), (docker.Driver.Name, docker.Connection.Engine));
        }

        [Fact]
        public async Task Of_drivers_serving_equally_well_the_first_wins_and_the_engine_is_probed_once()
        {
            var socket = _box.LinkDocker("xdg/docker.sock");
            var first = new RenamedDriver("first", OciDrivers.Get("docker"), score: 1);
            var second = new RenamedDriver("second", OciDrivers.Get("docker"), score: 1);
            var options = _box.Options();
            options.Drivers = new IOciDriver[] { first, second };
            await using var client = await OciEngines.ConnectAsync(options);
            Assert.Equal("first", client.Driver.Name);
            Assert.Equal((1, 0), (first.Connects, second.Connects));
            Assert.Equal("unix://" + socket, client.Connection.Endpoint.ToString());
        }

        [Fact]
        public async Task A_driver_that_cannot_connect_fails_that_candidate_with_the_reason()
        {
            _box.LinkPodman("sys/run/podman/podman.sock");
            var socket = _box.LinkPodman("xdg/podman/podman.sock");
            var calls = 0;
            var broken = new RenamedDriver("broken", OciDrivers.Get("podman"), score: 3,
                () => ++calls == 1 ? throw new OciException(OciErrorKind.EngineError, "libpod said no") : null);
            var options = _box.Options();
            options.Drivers = new[] { broken, OciDrivers.Get("docker") };
            var result = await OciEngines.DiscoverAsync(options);
            await using var _ = result.Client;
            Assert.Equal("unix://" + socket, result.Client.Connection.Endpoint.ToString());
            var failed = result.Attempts.Single(a => a.Candidate.Source == OciEndpointSource.PodmanRootful);
            Assert.Equal("Podman answered, but the broken driver could not connect: libpod said no", failed.Failure);
            Assert.Equal(OciErrorKind.EngineError, failed.FailureKind);
        }

        [Fact]
        public async Task A_forced_driver_that_does_not_serve_the_engine_is_Unsupported()
        {
            var options = _box.Options();
            options.Endpoint = "unix://" + DiscoverySandbox.DockerSocket;
            options.Driver = "podman";
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("Docker", e.Attempts.Single().Failure);
            Assert.Contains("podman driver does not serve it", e.Attempts.Single().Failure);
        }

        [Fact]
        public async Task A_forced_custom_driver_reaches_its_own_scheme()
        {
            var memory = new Oci.Tests.Support.MemoryDriver("memory-discovery");
            var options = _box.Options();
            options.Endpoint = "mem://discovery";
            options.Driver = "memory-discovery";
            options.Drivers = new IOciDriver[] { memory, OciDrivers.Get("docker") };
            await using var client = await OciEngines.ConnectAsync(options);
            Assert.Equal("memory-discovery", client.Driver.Name);
            Assert.Equal("Memory", client.Connection.Engine);
        }

        [Fact]
        public async Task A_custom_probe_that_hangs_is_bounded_by_the_connect_timeout()
        {
            var hanging = new RenamedDriver("hanging", OciDrivers.Get("docker"), score: 1, probe: new HangingProbe());
            var options = _box.Options(TimeSpan.FromMilliseconds(300));
            options.Endpoint = "custom://anything";
            options.Drivers = new IOciDriver[] { hanging };
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}"); // hang guard
            Assert.Equal(OciErrorKind.Timeout, e.Attempts.Single().FailureKind);
            Assert.Contains("custom://anything: it did not answer within 0.3 s", e.Message);
        }

        [Fact]
        public async Task An_endpoint_no_registered_driver_reaches_is_passed_over_with_the_reason()
        {
            var options = _box.Options();
            options.Endpoint = "custom://anything";
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Equal("no registered driver takes custom:// endpoints", e.Attempts.Single().Failure);
            Assert.False(e.Attempts.Single().Probed);
        }

        [Fact]
        public async Task Cancelled_before_starting()
        {
            _box.LinkDocker("xdg/docker.sock");
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            var e = await Assert.ThrowsAsync<OciException>(() => OciEngines.ConnectAsync(_box.Options(), cts.Token));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
        }

        [Fact]
        public async Task Cancelled_while_a_probe_waits_on_a_silent_socket()
        {
            _box.Variables["DOCKER_HOST"] = "unix://" + _box.SilentSocket("silent.sock");
            _box.LinkDocker("xdg/docker.sock");
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => OciEngines.ConnectAsync(_box.Options(TimeSpan.FromSeconds(30)), cts.Token));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // hang guard
        }

        [Fact]
        public async Task Named_pipe_candidates_that_do_not_exist_are_passed_over_without_probing()
        {
            // Windows' rungs cannot exist here: a fake environment says no pipe exists.
            var env = new NoPipesEnvironment(_box.Environment(isWindows: true));
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(new OciDiscoveryOptions { Environment = env }));
            Assert.Equal(new[] { "no named pipe docker_engine", "no named pipe podman-machine-default" }, e.Attempts.Select(a => a.Failure));
            Assert.All(e.Attempts, a => Assert.False(a.Probed));
            Assert.Equal(new[] { "docker_engine", "podman-machine-default" }, env.Asked);
        }

        [Fact]
        public async Task Named_pipes_that_cannot_be_checked_are_probed_and_fail_fast_with_a_reason()
        {
            // Windows rules on a machine without named pipes: existence is unknown, so the probe itself must fail, quickly.
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(new OciDiscoveryOptions
            {
                Environment = _box.Environment(isWindows: true),
                ProbeTimeout = TimeSpan.FromMilliseconds(500),
            }));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // hang guard
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Equal(new[] { "npipe:////./pipe/docker_engine", "npipe:////./pipe/podman-machine-default" }, e.Attempts.Select(a => a.Candidate.Endpoint?.ToString()));
            Assert.All(e.Attempts, a => Assert.False(string.IsNullOrWhiteSpace(a.Failure)));
        }

        private static int ClosedPort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        /// <summary>A probe for custom:// that never answers and ignores its timeout: discovery must bound it.</summary>
        private sealed class HangingProbe : IOciProbe
        {
            public bool CanProbe(OciEndpoint endpoint) => endpoint.Scheme == "custom";
            public async Task<OciProbeResult> ProbeAsync(OciEndpoint endpoint, OciConnectOptions options, CancellationToken cancellationToken)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
        }

        private sealed class NoPipesEnvironment : OciEnvironment
        {
            private readonly OciEnvironment _inner;
            public NoPipesEnvironment(OciEnvironment inner) => _inner = inner;
            public System.Collections.Generic.List<string> Asked { get; } = new();
            public override bool IsWindows => true;
            public override string? GetVariable(string name) => _inner.GetVariable(name);
            public override bool? NamedPipeExists(string pipeName) { Asked.Add(pipeName); return false; }
        }

        /// <summary>Another driver's handlers, probe and connection under another name and score, optionally failing to connect.</summary>
        private sealed class RenamedDriver : IOciDriver
        {
            private readonly IOciDriver _inner;
            private readonly int _score;
            private readonly Func<object?>? _before;
            public RenamedDriver(string name, IOciDriver inner, int score, Func<object?>? before = null, IOciProbe? probe = null)
            {
                Name = name;
                _inner = inner;
                _score = score;
                _before = before;
                Probe = probe ?? inner.Probe;
            }
            public string Name { get; }
            public IOciProbe Probe { get; }
            public int Connects;
            public int Serves(OciProbeResult answer) => _inner.Serves(answer) > 0 ? _score : 0;
            public Task<IOciConnection> ConnectAsync(OciProbeResult answer, CancellationToken cancellationToken)
            {
                _before?.Invoke();
                Interlocked.Increment(ref Connects);
                return _inner.ConnectAsync(answer, cancellationToken);
            }
            public IOciHandler? Handler(OciKind kind, string method) => _inner.Handler(kind, method);
            public System.Collections.Generic.IReadOnlyList<string> Methods(OciKind kind) => _inner.Methods(kind);
        }
    }
}
