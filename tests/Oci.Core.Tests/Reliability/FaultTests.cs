using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Integration;
using Oci.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Oci.Tests.Reliability
{
    /// <summary>What the fault and cancellation suites do with the real engines: containers of their own, and a check that a client still works.</summary>
    public static class Engines
    {
        public static readonly string[] Drivers = { "docker", "podman" };

        /// <summary>The drivers as theory data.</summary>
        public static IEnumerable<object[]> Each => Drivers.Select(d => new object[] { d });

        public static string Host(string driver) => driver == "docker" ? TestBed.DockerHost : PodmanFixture.PodmanHost;

        /// <summary>Starts a container of the small image running <c>sh -c <paramref name="script"/></c> (no network); its name.</summary>
        public static async Task<string> StartAsync(OciClient client, string script)
        {
            var name = "rel-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Container, TestBed.Small, new OciContainerSpec
            {
                Name = name, Command = new[] { "sh", "-c", script }, NetworkMode = "none", Labels = new Dictionary<string, string> { ["oci.reliability"] = "1" },
            }));
            await client.ExecuteAsync(new OciRequest(OciMethods.Start, OciKind.Container, name));
            return name;
        }

        public static async Task RemoveAsync(OciClient client, string name)
        {
            try
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Container, name, new OciContainerRemoveOptions { Force = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
        }

        /// <summary>The same client answers again: a ping and a list.</summary>
        public static async Task AssertRecoversAsync(OciClient client)
        {
            var ping = await client.ExecuteAsync(new OciRequest(OciMethods.Ping, OciKind.Engine)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("OK", ping.Status);
            await client.ExecuteAsync(new OciRequest(OciMethods.List, OciKind.Container)).WaitAsync(TimeSpan.FromSeconds(30));
        }

        public static OciRequest Follow(string name) =>
            OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, name, new OciContainerLogOptions { Follow = true });
    }

    /// <summary>
    /// An engine of the test's own that misbehaves — answers garbage, resets, an error page, a byte a second, a stream
    /// that dies, JSON of the wrong shape —: the call fails with a typed error in a message of sane length, nothing hangs,
    /// and the next call on the same client works.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    public sealed class EngineFaultTests : ReliabilityTest
    {
        public EngineFaultTests(ITestOutputHelper output) : base(output)
        {
        }

        [Theory]
        [InlineData(EngineFault.Garbage, OciErrorKind.EngineUnavailable)]
        [InlineData(EngineFault.Reset, OciErrorKind.EngineUnavailable)]
        [InlineData(EngineFault.ErrorPage, OciErrorKind.EngineError)]
        [InlineData(EngineFault.Slowloris, OciErrorKind.Timeout)]
        [InlineData(EngineFault.DiesMidStream, OciErrorKind.EngineUnavailable)]
        [InlineData(EngineFault.WrongJson, OciErrorKind.EngineError)]
        public async Task A_misbehaving_engine_fails_the_call_clearly_and_the_next_call_works(EngineFault fault, OciErrorKind kind)
        {
            await using var engine = new FaultyEngine();
            // A short request timeout, so the slowloris case is bounded by it rather than by the 2-minute default.
            await using var client = await OciClient.ConnectAsync(new DockerDriver { RequestTimeout = TimeSpan.FromSeconds(3) }, engine.Endpoint);
            engine.Fault = fault;
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() =>
                (fault == EngineFault.DiesMidStream ? client.PullAsync("127.0.0.1:5000/fault:1") : client.ExecuteAsync(new OciRequest(OciMethods.Version, OciKind.Engine))).WaitAsync(Guard));
            Figure($"fake engine {fault}", watch.Elapsed);
            Assert.True(kind == e.Kind, $"expected {kind}, got {e.Kind}: {e.Message}");
            Assert.True(e.Message.Length < 2048, $"a {e.Message.Length}-character message");
            engine.Fault = EngineFault.None;
            var version = await client.ExecuteAsync(new OciRequest(OciMethods.Version, OciKind.Engine)).WaitAsync(Guard);
            Assert.Equal("99.0.0-fake", Assert.IsType<OciEngineVersion>(version.Data).Version);
            AssertNothingUnobserved();
        }
    }

    /// <summary>
    /// The engine dies under a call (a relay of the test's own in front of the real engine is killed): a pull, a push, a
    /// followed log and an exec fail with a typed error at once; when the engine is back, the same client works.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    public sealed class EngineKillTests : ReliabilityTest
    {
        public EngineKillTests(ITestOutputHelper output) : base(output)
        {
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Killed_during_a_followed_log(string driver)
        {
            await using var direct = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            await using var relay = new EngineRelay(Engines.Host(driver));
            await using var client = await OciClient.ConnectAsync(driver, relay.Endpoint);
            var name = await Engines.StartAsync(direct, "while true; do echo tick; sleep 0.2; done");
            try
            {
                var lines = 0;
                var follow = Task.Run(async () =>
                {
                    await foreach (var _ in client.StreamAsync<OciLogLine>(Engines.Follow(name))) Interlocked.Increment(ref lines);
                });
                await WaitUntilAsync(() => Volatile.Read(ref lines) >= 2, "the log to flow");
                await AssertKilledAsync(relay, follow, $"{driver} killed during a followed log");
                relay.Start();
                await Engines.AssertRecoversAsync(client);
            }
            finally
            {
                await Engines.RemoveAsync(direct, name);
            }
            AssertNothingUnobserved();
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Killed_during_an_exec(string driver)
        {
            await using var direct = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            await using var relay = new EngineRelay(Engines.Host(driver));
            await using var client = await OciClient.ConnectAsync(driver, relay.Endpoint);
            var name = await Engines.StartAsync(direct, "sleep 120");
            try
            {
                var before = relay.BytesFromEngine;
                var exec = client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Exec, OciKind.Container, name, new OciExecOptions { Command = new[] { "sh", "-c", "echo started; sleep 60" } }));
                await WaitUntilAsync(() => relay.BytesFromEngine > before + 200 || exec.IsCompleted, "the exec to start");
                await Task.Delay(500);
                await AssertKilledAsync(relay, exec, $"{driver} killed during an exec");
                relay.Start();
                await Engines.AssertRecoversAsync(client);
            }
            finally
            {
                await Engines.RemoveAsync(direct, name);
            }
            AssertNothingUnobserved();
        }

        [Fact]
        public async Task Docker_killed_during_a_pull()
        {
            await using var registry = new FaultyRegistry(RegistryFault.Trickle);
            await using var relay = new EngineRelay(TestBed.DockerHost);
            await using var client = await OciClient.ConnectAsync("docker", relay.Endpoint);
            var pull = client.PullAsync(registry.Image);
            await WaitUntilAsync(() => registry.LayerBytesSent > 0 || pull.IsCompleted, "the layer to flow");
            await AssertKilledAsync(relay, pull, "docker killed during a pull");
            relay.Start();
            await Engines.AssertRecoversAsync(client);
            AssertNothingUnobserved();
        }

        [Fact]
        public async Task Podman_killed_during_a_pull()
        {
            await using var direct = await OciClient.ConnectAsync("podman", TestBed.PodmanHost);
            await RemoveImageAsync(direct, TestBed.Big);
            await using var relay = new EngineRelay(TestBed.PodmanHost);
            await using var client = await OciClient.ConnectAsync("podman", relay.Endpoint);
            // Podman trusts only the test bed's registries over plain HTTP: the big image (256 MiB) is pulled from there, and
            // the engine is killed at its first progress report.
            var pull = client.PullAsync(TestBed.Big, progress: new SyncProgress(_ => relay.KillAsync()));
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => pull.WaitAsync(Guard));
            Assert.True(e.Kind is OciErrorKind.EngineUnavailable, $"{e.Kind}: {e.Message}");
            Figure("podman killed during a pull (from the first progress report)", watch.Elapsed);
            relay.Start();
            await Engines.AssertRecoversAsync(client);
            AssertNothingUnobserved();
        }

        [Fact]
        public async Task Docker_killed_during_a_push()
        {
            await using var registry = new FaultyRegistry(RegistryFault.Trickle);
            await using var direct = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            var tag = registry.Address + "/pushed:1";
            await direct.PullAsync(TestBed.Small);
            await direct.ExecuteAsync(OciRequest.WithOptions(OciMethods.Tag, OciKind.Image, TestBed.Small, new OciImageTagOptions { Tag = tag }));
            try
            {
                await using var relay = new EngineRelay(TestBed.DockerHost);
                await using var client = await OciClient.ConnectAsync("docker", relay.Endpoint);
                var push = client.ExecuteAsync(new OciRequest(OciMethods.Push, OciKind.Image, tag));
                await WaitUntilAsync(() => registry.UploadBytesRead > 0 || push.IsCompleted, "the upload to start");
                await AssertKilledAsync(relay, push, "docker killed during a push");
                relay.Start();
                await Engines.AssertRecoversAsync(client);
            }
            finally
            {
                await RemoveImageAsync(direct, tag);
            }
            AssertNothingUnobserved();
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Restarted_between_calls_the_next_call_on_the_same_client_works(string driver)
        {
            await using var relay = new EngineRelay(Engines.Host(driver));
            await using var client = await OciClient.ConnectAsync(driver, relay.Endpoint);
            await Engines.AssertRecoversAsync(client);
            await relay.KillAsync();
            var down = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest(OciMethods.Ping, OciKind.Engine)).WaitAsync(Guard));
            Assert.Equal(OciErrorKind.EngineUnavailable, down.Kind);
            relay.Start();
            await Engines.AssertRecoversAsync(client);
            Assert.True(client.IsConnected);
            AssertNothingUnobserved();
        }

        private async Task AssertKilledAsync(EngineRelay relay, Task call, string what)
        {
            Assert.False(call.IsCompleted, $"{what}: the call ended before the engine was killed ({call.Status})");
            var watch = Stopwatch.StartNew();
            await relay.KillAsync();
            var e = await Assert.ThrowsAsync<OciException>(() => call.WaitAsync(Guard));
            Figure(what, watch.Elapsed);
            Assert.True(e.Kind == OciErrorKind.EngineUnavailable, $"{what}: {e.Kind}: {e.Message}");
            Assert.True(e.Message.Length < 2048, $"a {e.Message.Length}-character message");
        }

        internal static async Task RemoveImageAsync(OciClient client, string reference)
        {
            try
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Image, reference, new OciImageRemoveOptions { Force = true }));
            }
            catch (OciException e) when (e.Kind is OciErrorKind.NotFound)
            {
            }
        }
    }

    /// <summary>
    /// A registry of the test's own dies in the middle of a layer: the pull is an error, never a success. dockerd retries
    /// a failed layer download five times with growing pauses (5 s, 10 s, 15 s, 20 s) before it gives up, so this takes
    /// about a minute. (Podman trusts only the test bed's registries over plain HTTP, so this runs on Docker.)
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    public sealed class RegistryFaultTests : ReliabilityTest
    {
        public RegistryFaultTests(ITestOutputHelper output) : base(output)
        {
        }

        [Fact]
        public async Task A_registry_killed_mid_pull_is_an_error_not_a_success()
        {
            await using var registry = new FaultyRegistry(RegistryFault.DieMidBlob);
            await using var client = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => client.PullAsync(registry.Image).WaitAsync(TimeSpan.FromMinutes(3)));
            Figure("docker pull from a registry killed mid-layer, to the error", watch.Elapsed);
            Assert.True(registry.Dead, "the registry died mid-layer");
            Assert.True(e.Kind is OciErrorKind.RegistryUnavailable or OciErrorKind.EngineError, $"{e.Kind}: {e.Message}");
            Assert.True(e.Message.Length < 2048, $"a {e.Message.Length}-character message");
            await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Image, registry.Image)));
            await Engines.AssertRecoversAsync(client);
            AssertNothingUnobserved();
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the serving thread, at once (Progress&lt;T&gt; posts to a context).</summary>
    internal sealed class SyncProgress : IProgress<OciProgress>
    {
        private readonly Func<OciProgress, Task> _onReport;
        private int _reported;

        public SyncProgress(Func<OciProgress, Task> onReport) => _onReport = onReport;

        public void Report(OciProgress value)
        {
            if (Interlocked.Exchange(ref _reported, 1) == 0) _ = _onReport(value);
        }
    }
}
