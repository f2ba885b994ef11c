// Mirrored by tests/Pester/Discovery.Tests.ps1 (same cases, same assertions).
using System;
using System.Collections;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>
    /// Connect-OciEngine without -Endpoint finds the engine as docker and podman do, for real: a temporary HOME,
    /// DOCKER_CONFIG and XDG_RUNTIME_DIR whose sockets are symlinks to the test bed's engines. (The platform defaults
    /// /var/run/docker.sock and /run/podman/podman.sock are not on this machine and are not faked.)
    /// </summary>
    [Collection(ProcessEnvironmentCollection.Name)]
    public sealed class DiscoveryTests
    {
        [Fact]
        public void DockerHost_WinsOverAContextAndTheRootlessSockets()
        {
            using var box = new EnvironmentSandbox();
            var dockerHost = box.LinkDocker("dh/docker.sock");
            box.Set("DOCKER_HOST", dockerHost);
            box.WriteContext("oci-podman", box.LinkPodman("ctx/podman.sock"));
            box.WriteConfig("{\"currentContext\":\"oci-podman\"}");
            box.LinkPodman("xdg/podman/podman.sock");
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Verbose").AssertSucceeded();
            var c = Assert.Single(r.Output);
            Assert.Equal("DOCKER_HOST", Ps.Str(c, "Source"));
            Assert.Equal(dockerHost, Ps.Str(c, "Endpoint"));
            Assert.Equal("Docker", Ps.Str(c, "Engine"));
            Assert.Equal("docker", Ps.Str(c, "Driver"));
            Assert.Equal(false, Ps.Get(c, "Tls"));
            Assert.Equal(true, Ps.Get(c, "Connected"));
            Assert.Contains(r.Verbose, v => v.Message.StartsWith($"[1/1] DOCKER_HOST: {dockerHost}: Docker answered", StringComparison.Ordinal));
            Assert.Empty(r.Warnings);
        }

        [Fact]
        public void ACurrentContext_WinsOverTheDefaults_AndPicksThePodmanDriver()
        {
            using var box = new EnvironmentSandbox();
            var context = box.LinkPodman("ctx/podman.sock");
            box.WriteContext("oci-podman", context);
            box.WriteConfig("{\"currentContext\":\"oci-podman\"}");
            box.LinkDocker("xdg/docker.sock"); // rootless docker would answer too, but comes later
            using var s = PsSession.Start();
            var r = s.Run("$c = Connect-OciEngine -Verbose; $c; $c | Out-Host").AssertSucceeded();
            var c = Assert.Single(r.Output);
            Assert.Equal("context 'oci-podman'", Ps.Str(c, "Source"));
            Assert.Equal(context, Ps.Str(c, "Endpoint"));
            Assert.Equal("Podman", Ps.Str(c, "Engine"));
            Assert.Equal("podman", Ps.Str(c, "Driver"));
            Assert.Contains(r.Verbose, v => v.Message.Contains("context 'oci-podman' (currentContext in " + box.Config) && v.Message.Contains("Podman answered"));
            var row = Assert.Single(ModuleTests.NonEmptyLines(r.HostText), l => l.StartsWith("oci1 ", StringComparison.Ordinal));
            Assert.Contains("context 'oci-podman'", row);
        }

        [Fact]
        public void DockerContext_OverridesCurrentContext()
        {
            using var box = new EnvironmentSandbox();
            box.WriteContext("ctx-a", box.LinkPodman("a/podman.sock"));
            var b = box.LinkDocker("b/docker.sock");
            box.WriteContext("ctx-b", b);
            box.WriteConfig("{\"currentContext\":\"ctx-a\"}");
            box.Set("DOCKER_CONTEXT", "ctx-b");
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Verbose").AssertSucceeded();
            var c = Assert.Single(r.Output);
            Assert.Equal("context 'ctx-b'", Ps.Str(c, "Source"));
            Assert.Equal(b, Ps.Str(c, "Endpoint"));
            Assert.Equal("Docker", Ps.Str(c, "Engine"));
            Assert.Contains(r.Verbose, v => v.Message.Contains("context 'ctx-b' (DOCKER_CONTEXT)"));
            Assert.DoesNotContain(r.Verbose, v => v.Message.Contains("ctx-a"));
        }

        [Theory]
        [InlineData("xdg/docker.sock")]
        [InlineData("home/.docker/run/docker.sock")]
        public void ARootlessDockerSocket_IsFound_BeforePodman(string socket)
        {
            using var box = new EnvironmentSandbox();
            var endpoint = box.LinkDocker(socket);
            box.LinkPodman("xdg/podman/podman.sock");
            using var s = PsSession.Start();
            var c = Assert.Single(s.Run("Connect-OciEngine").AssertSucceeded().Output);
            Assert.Equal("rootless docker", Ps.Str(c, "Source"));
            Assert.Equal(endpoint, Ps.Str(c, "Endpoint"));
            Assert.Equal("Docker", Ps.Str(c, "Engine"));
            Assert.Equal("docker", Ps.Str(c, "Driver"));
        }

        [Fact]
        public void OnlyPodmanRootless_ConnectsToPodman_VerboseListsEveryPlaceTried_AndPullShowsLayers()
        {
            using var box = new EnvironmentSandbox();
            var podman = box.LinkPodman("xdg/podman/podman.sock");
            var unique = TestRegistry.NewUniqueTag("small");
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Verbose").AssertSucceeded();
            var c = Assert.Single(r.Output);
            Assert.Equal("podman rootless", Ps.Str(c, "Source"));
            Assert.Equal(podman, Ps.Str(c, "Endpoint"));
            Assert.Equal("Podman", Ps.Str(c, "Engine"));
            Assert.Equal("podman", Ps.Str(c, "Driver"));
            var tried = r.Verbose.Select(v => v.Message).Where(m => m.StartsWith("[", StringComparison.Ordinal)).ToList();
            Assert.Equal(5, tried.Count);
            Assert.StartsWith("[1/5] platform default: unix:///var/run/docker.sock: skipped: no socket", tried[0]);
            Assert.StartsWith($"[2/5] rootless docker ($XDG_RUNTIME_DIR): unix://{box.Xdg}/docker.sock: skipped: no socket", tried[1]);
            Assert.StartsWith($"[3/5] rootless docker (~/.docker/run): unix://{box.Home}/.docker/run/docker.sock: skipped: no socket", tried[2]);
            Assert.StartsWith("[4/5] podman rootful: unix:///run/podman/podman.sock: skipped: no socket", tried[3]);
            Assert.StartsWith($"[5/5] podman rootless ($XDG_RUNTIME_DIR): {podman}: Podman answered; connected through the podman driver", tried[4]);

            // "Where only Podman runs, Connect-OciEngine with no arguments connects to it and Invoke-OciPull shows per-layer progress."
            var pull = s.Run("param($u) Invoke-OciPull $u; Invoke-OciRequest -Method REMOVE -Target $u | Out-Null", new Hashtable { ["u"] = unique }).AssertSucceeded();
            Assert.Equal("Podman", Ps.Str(Assert.Single(pull.Output), "Engine"));
            var parent = pull.Progress.First().ActivityId;
            Assert.Contains(pull.Progress, p => p.ParentActivityId == parent && p.Activity.StartsWith("Layer ", StringComparison.Ordinal));
        }

        [Fact]
        public void DriverDocker_OnThePodmanSocket_UsesTheDockerDriver()
        {
            using var box = new EnvironmentSandbox();
            box.LinkPodman("xdg/podman/podman.sock");
            using var s = PsSession.Start();
            var c = Assert.Single(s.Run("Connect-OciEngine -Driver docker").AssertSucceeded().Output);
            Assert.Equal("docker", Ps.Str(c, "Driver"));
            Assert.Equal("Podman", Ps.Str(c, "Engine"));
            Assert.Equal("podman rootless", Ps.Str(c, "Source"));
            Assert.Equal("OK", Assert.Single(s.Run("(Invoke-OciRequest -Method PING).Status").AssertSucceeded().Output).ToString());
        }

        [Fact]
        public void NothingAnswering_IsOneErrorListingEveryPlaceTried_AndFast()
        {
            using var box = new EnvironmentSandbox();
            var dead = box.DeadSocket("dead/docker.sock");
            box.Set("DOCKER_HOST", dead);
            box.Set("DOCKER_CONTEXT", "gone");
            using var s = PsSession.Start();
            var watch = Stopwatch.StartNew();
            var r = s.Run("Connect-OciEngine -Verbose");
            watch.Stop();
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Assert.Equal("Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            var message = e.ToString();
            foreach (var place in new[]
                     {
                         "DOCKER_HOST: " + dead, "context 'gone' (DOCKER_CONTEXT)", "platform default: unix:///var/run/docker.sock",
                         $"rootless docker ($XDG_RUNTIME_DIR): unix://{box.Xdg}/docker.sock", $"rootless docker (~/.docker/run): unix://{box.Home}/.docker/run/docker.sock",
                         "podman rootful: unix:///run/podman/podman.sock", $"podman rootless ($XDG_RUNTIME_DIR): unix://{box.Xdg}/podman/podman.sock",
                     })
                Assert.Contains(place, message);
            Assert.Equal(7, message.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));
            Assert.Equal(7, r.Verbose.Count(v => v.Message.StartsWith("[", StringComparison.Ordinal)));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Discovery took {watch.Elapsed}: a dead socket must fail fast.");
            Assert.Equal(0, Assert.Single(s.Run("@(Get-OciConnection).Count").Output).BaseObject);
        }

        [Fact]
        public void AnSshEndpoint_IsUnsupported_NotACrash()
        {
            const string ssh = "ssh://oci@host.example.invalid";
            using var box = new EnvironmentSandbox();
            box.Set("DOCKER_HOST", ssh);
            using var s = PsSession.Start();
            foreach (var script in new[] { "Connect-OciEngine", "Connect-OciEngine -Endpoint 'ssh://oci@host.example.invalid'" })
            {
                var r = s.Run(script);
                Assert.Empty(r.Output);
                var e = Assert.Single(r.AllErrors);
                Ps.AssertError(e, "Oci.Unsupported,Oci.PowerShell.ConnectOciEngine", ErrorCategory.NotImplemented, ssh);
                Assert.Contains("not supported yet", e.ToString());
                Assert.Contains("ssh -L", e.ErrorDetails.RecommendedAction);
            }
        }

        [Fact]
        public void AnSshDockerHost_WithAnEngineFurtherDown_ConnectsThere_WithAWarning()
        {
            using var box = new EnvironmentSandbox();
            box.Set("DOCKER_HOST", "ssh://oci@host.example.invalid");
            box.LinkPodman("xdg/podman/podman.sock");
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine").AssertSucceeded();
            Assert.Equal("podman rootless", Ps.Str(Assert.Single(r.Output), "Source"));
            var w = Assert.Single(r.Warnings);
            Assert.Contains("DOCKER_HOST (ssh://oci@host.example.invalid) was passed over", w.Message);
            Assert.Contains("not supported yet", w.Message);
        }

        [Fact]
        public void AnExplicitEndpoint_IsTheOnlyPlaceTried_AndTheDriverFollowsTheEngine()
        {
            using var box = new EnvironmentSandbox();
            var podman = box.LinkPodman("xdg/podman/podman.sock");
            using var s = PsSession.Start();
            var dead = s.Run("Connect-OciEngine -Endpoint $DeadEndpoint");
            var e = Assert.Single(dead.AllErrors);
            Assert.Equal("Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine", e.FullyQualifiedErrorId);
            Assert.Contains("one place tried", e.ToString());
            Assert.DoesNotContain("podman", e.ToString());

            var c = Assert.Single(s.Run("param($p) Connect-OciEngine -Endpoint $p", new Hashtable { ["p"] = podman }).AssertSucceeded().Output);
            Assert.Equal("explicit", Ps.Str(c, "Source"));
            Assert.Equal("Podman", Ps.Str(c, "Engine"));
            Assert.Equal("podman", Ps.Str(c, "Driver"));
        }

        [Fact]
        public void Endpoint_CompletesWithTheDiscoveryCandidates_SourceAsTooltip_WildcardsFilter()
        {
            using var box = new EnvironmentSandbox();
            var dead = box.DeadSocket("dead/docker.sock");
            box.Set("DOCKER_HOST", dead);
            var podman = box.LinkPodman("xdg/podman/podman.sock");
            using var s = PsSession.Start();
            var r = s.Run(@"
                foreach ($line in 'Connect-OciEngine -Endpoint ', 'Connect-OciEngine -Endpoint *podman*', 'Connect-OciEngine unix:///run/') {
                    ((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText + ' | ' + $_.ToolTip }) -join ""`n""
                }").AssertSucceeded();
            Assert.Equal(3, r.Output.Count);
            var all = r.Output[0].ToString().Split('\n');
            Assert.Equal(new[]
            {
                $"{dead} | DOCKER_HOST",
                "unix:///var/run/docker.sock | platform default (no socket there now)",
                $"unix://{box.Xdg}/docker.sock | rootless docker ($XDG_RUNTIME_DIR) (no socket there now)",
                $"unix://{box.Home}/.docker/run/docker.sock | rootless docker (~/.docker/run) (no socket there now)",
                "unix:///run/podman/podman.sock | podman rootful (no socket there now)",
                $"{podman} | podman rootless ($XDG_RUNTIME_DIR)",
            }, all);
            Assert.Equal(new[] { "unix:///run/podman/podman.sock | podman rootful (no socket there now)", $"{podman} | podman rootless ($XDG_RUNTIME_DIR)" },
                r.Output[1].ToString().Split('\n'));
            Assert.Equal("unix:///run/podman/podman.sock | podman rootful (no socket there now)", r.Output[2].ToString());
        }

        [Fact]
        public void Driver_CompletesWithTheRegisteredDrivers()
        {
            using var s = PsSession.Start();
            var r = s.Run(@"
                foreach ($line in 'Connect-OciEngine -Driver ', 'Connect-OciEngine -Driver p') {
                    ((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText) -join ','
                }").AssertSucceeded();
            Assert.Equal(new[] { "docker", "podman" }, r.Output[0].ToString().Split(',').OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal("podman", r.Output[1].ToString());
        }
    }
}
