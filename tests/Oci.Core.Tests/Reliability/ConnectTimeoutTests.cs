using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Reliability
{
    /// <summary>
    /// One connect timeout (<see cref="OciConnectOptions.ConnectTimeout"/>, 10 s by default): OciClient and discovery's
    /// explicit endpoint wait it out, a discovered place a fifth of it, against an engine of the test's own that accepts
    /// and never answers. The failure names the endpoint and the timeout; nothing hangs.
    /// </summary>
    public sealed class ConnectTimeoutTests
    {
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

        [Fact]
        public async Task OciClient_gives_up_after_the_connect_timeout_naming_endpoint_and_timeout()
        {
            await using var silent = new FakeEngine(silent: true);
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() =>
                OciClient.ConnectAsync("docker", silent.Endpoint, new OciConnectOptions { ConnectTimeout = TimeSpan.FromSeconds(1) }).WaitAsync(Guard));
            Assert.True(watch.Elapsed < Guard, $"took {watch.Elapsed}");
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Equal(silent.Endpoint, e.Target);
            Assert.Contains(silent.Endpoint, e.Message);
            Assert.Contains("within 1 s", e.Message);
            Assert.Single(silent.RequestLines); // the ping, sent once and never answered
        }

        [Fact]
        public async Task Discovery_waits_the_same_connect_timeout_for_the_explicit_endpoint()
        {
            await using var silent = new FakeEngine(silent: true);
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() =>
                OciEngines.ConnectAsync(new OciDiscoveryOptions { Endpoint = silent.Endpoint, ConnectTimeout = TimeSpan.FromSeconds(1) }).WaitAsync(Guard));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            var attempt = Assert.Single(e.Attempts);
            Assert.Contains("within 1 s", attempt.Failure);
            Assert.Contains(silent.Endpoint, e.Message);
        }

        [Fact]
        public async Task A_discovered_place_gets_a_fifth_of_the_connect_timeout()
        {
            await using var silent = new FakeEngine(silent: true);
            var env = OciEnvironment.FromVariables(new Dictionary<string, string?> { ["DOCKER_HOST"] = silent.Endpoint, ["HOME"] = "/nonexistent-oci-home" }, false, "/nonexistent-oci-root");
            var options = new OciDiscoveryOptions { Environment = env, ConnectTimeout = TimeSpan.FromSeconds(2.5) };
            Assert.Equal(TimeSpan.FromSeconds(0.5), options.ProbeTimeout);
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.ConnectAsync(options).WaitAsync(Guard));
            var attempt = e.Attempts.First(a => a.Candidate.Source == OciEndpointSource.DockerHost);
            Assert.True(attempt.Probed);
            Assert.Contains("within 0.5 s", attempt.Failure);
        }
    }
}
