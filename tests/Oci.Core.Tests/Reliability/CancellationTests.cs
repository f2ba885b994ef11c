using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Oci.Tests.Reliability
{
    /// <summary>
    /// Cancellation during connect, pull, run, exec and a followed log comes back at once as Cancelled (the suite reports
    /// how long; the guard only keeps a hang from passing), and a container a run made is not left behind. Disposing a
    /// client while other threads are mid-call ends each of those calls as ConnectionClosed or Cancelled, and nothing
    /// is thrown elsewhere.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    public sealed class CancellationTests : ReliabilityTest
    {
        public CancellationTests(ITestOutputHelper output) : base(output)
        {
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Cancelling_a_connect_to_an_engine_that_never_answers(string driver)
        {
            await using var silent = new FakeEngine(silent: true, podman: driver == "podman");
            using var cts = new CancellationTokenSource();
            var connect = OciClient.ConnectAsync(driver, silent.Endpoint, cts.Token);
            await WaitUntilAsync(() => silent.RequestLines.Count > 0, "the ping to be sent");
            await AssertCancelledAsync(cts, connect, $"{driver}: cancel a connect");
        }

        [Fact]
        public async Task Cancelling_a_docker_pull_from_a_registry_that_trickles()
        {
            await using var registry = new FaultyRegistry(RegistryFault.Trickle);
            await using var client = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            using var cts = new CancellationTokenSource();
            var pull = client.PullAsync(registry.Image, cancellationToken: cts.Token);
            await WaitUntilAsync(() => registry.LayerBytesSent > 0 || pull.IsCompleted, "the layer to flow");
            await AssertCancelledAsync(cts, pull, "docker: cancel a pull");
            await Engines.AssertRecoversAsync(client);
        }

        [Fact]
        public async Task Cancelling_a_podman_pull()
        {
            await using var client = await OciClient.ConnectAsync("podman", TestBed.PodmanHost);
            await EngineKillTests.RemoveImageAsync(client, TestBed.Big);
            using var cts = new CancellationTokenSource();
            var cancelledAt = Stopwatch.StartNew();
            var pull = client.PullAsync(TestBed.Big, progress: new SyncProgress(_ =>
            {
                cancelledAt.Restart();
                cts.Cancel();
                return Task.CompletedTask;
            }), cancellationToken: cts.Token);
            var e = await Assert.ThrowsAsync<OciException>(() => pull.WaitAsync(Guard));
            Figure("podman: cancel a pull (from the first progress report)", cancelledAt.Elapsed);
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            await Engines.AssertRecoversAsync(client);
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Cancelling_a_run_leaves_no_container_behind(string driver)
        {
            await using var client = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            var label = "oci.reliability.run=" + Guid.NewGuid().ToString("N");
            using var cts = new CancellationTokenSource();
            var run = client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Run, OciKind.Container, TestBed.Small, new OciRunOptions
            {
                Command = new[] { "sleep", "60" }, NetworkMode = "none", Labels = new Dictionary<string, string> { [label.Split('=')[0]] = label.Split('=')[1] },
            }), cts.Token);
            await WaitUntilAsync(() => Listed(client, label).GetAwaiter().GetResult().Any(c => c.State == OciContainerStatus.Running) || run.IsCompleted, "the run's container to run");
            await AssertCancelledAsync(cts, run, $"{driver}: cancel a run (its container removed)");
            Assert.Empty(await Listed(client, label));
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Cancelling_an_exec(string driver)
        {
            await using var client = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            var name = await Engines.StartAsync(client, "sleep 120");
            try
            {
                using var cts = new CancellationTokenSource();
                var exec = client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Exec, OciKind.Container, name, new OciExecOptions { Command = new[] { "sleep", "60" } }), cts.Token);
                await Task.Delay(1000);
                await AssertCancelledAsync(cts, exec, $"{driver}: cancel an exec");
                await Engines.AssertRecoversAsync(client);
            }
            finally
            {
                await Engines.RemoveAsync(client, name);
            }
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Cancelling_a_followed_log(string driver)
        {
            await using var client = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            var name = await Engines.StartAsync(client, "while true; do echo tick; sleep 0.2; done");
            try
            {
                using var cts = new CancellationTokenSource();
                var lines = 0;
                var follow = Task.Run(async () =>
                {
                    await foreach (var _ in client.StreamAsync<OciLogLine>(Engines.Follow(name), cancellationToken: cts.Token)) Interlocked.Increment(ref lines);
                });
                await WaitUntilAsync(() => Volatile.Read(ref lines) >= 2, "the log to flow");
                await AssertCancelledAsync(cts, follow, $"{driver}: cancel a followed log");
                await Engines.AssertRecoversAsync(client);
            }
            finally
            {
                await Engines.RemoveAsync(client, name);
            }
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Disposing_while_other_threads_are_mid_call_ends_them_as_closed(string driver)
        {
            await using var direct = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            var name = await Engines.StartAsync(direct, "while true; do echo tick; sleep 0.2; done");
            try
            {
                var client = await OciClient.ConnectAsync(driver, Engines.Host(driver));
                var calls = new List<Task>
                {
                    Task.Run(() => client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Wait, OciKind.Container, name, new OciContainerWaitOptions()))),
                    Task.Run(() => client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Exec, OciKind.Container, name, new OciExecOptions { Command = new[] { "sleep", "60" } }))),
                    Task.Run(async () => { await foreach (var _ in client.StreamAsync<OciLogLine>(Engines.Follow(name))) { } }),
                    Task.Run(async () => { await foreach (var _ in client.StreamAsync<OciEvent>(OciRequest.WithOptions(OciMethods.Events, OciKind.Engine, null, new OciEventOptions()))) { } }),
                };
                // Short calls keep coming while it closes.
                using var stopShort = new CancellationTokenSource();
                var shortCalls = Task.Run(async () =>
                {
                    var failures = new List<Exception>();
                    while (!stopShort.IsCancellationRequested)
                    {
                        try { await client.ExecuteAsync(new OciRequest(OciMethods.Ping, OciKind.Engine)); }
                        catch (Exception e) { failures.Add(e); }
                    }
                    return failures;
                });
                await Task.Delay(1500);
                Assert.All(calls, c => Assert.False(c.IsCompleted, $"a call ended before the dispose: {c.Exception?.GetBaseException().Message}"));
                var watch = Stopwatch.StartNew();
                await client.DisposeAsync().AsTask().WaitAsync(Guard);
                Figure($"{driver}: dispose with 4 long calls and a stream of pings in flight", watch.Elapsed);
                stopShort.Cancel();
                foreach (var call in calls)
                {
                    var e = await Assert.ThrowsAsync<OciException>(() => call.WaitAsync(Guard));
                    Assert.True(e.Kind is OciErrorKind.ConnectionClosed or OciErrorKind.Cancelled, $"{e.Kind}: {e.Message}");
                }
                foreach (var e in await shortCalls.WaitAsync(Guard))
                {
                    var oci = Assert.IsType<OciException>(e);
                    Assert.True(oci.Kind is OciErrorKind.ConnectionClosed or OciErrorKind.Cancelled, $"{oci.Kind}: {oci.Message}");
                }
                Assert.False(client.IsConnected);
                Assert.Equal(OciErrorKind.ConnectionClosed, (await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest(OciMethods.Ping, OciKind.Engine)))).Kind);
            }
            finally
            {
                await Engines.RemoveAsync(direct, name);
            }
            AssertNothingUnobserved();
        }

        private async Task AssertCancelledAsync(CancellationTokenSource cts, Task call, string what)
        {
            Assert.False(call.IsCompleted, $"{what}: the call ended before it was cancelled ({call.Status}: {call.Exception?.GetBaseException().Message})");
            var watch = Stopwatch.StartNew();
            cts.Cancel();
            var e = await Assert.ThrowsAsync<OciException>(() => call.WaitAsync(Guard));
            Figure(what, watch.Elapsed);
            Assert.True(e.Kind == OciErrorKind.Cancelled, $"{what}: {e.Kind}: {e.Message}");
            AssertNothingUnobserved();
        }

        private static async Task<IReadOnlyList<OciContainer>> Listed(OciClient client, string label) =>
            (OciContainer[])(await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Container, null, new OciContainerListOptions { All = true, Label = new[] { label } }))).Data!;
    }
}
