using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Oci.Tests.Reliability
{
    /// <summary>
    /// Load on one client per engine: <see cref="Requests"/> mixed requests <see cref="Parallel"/>-way, every answer checked,
    /// then <see cref="Runs"/> RUNs <see cref="RunParallel"/>-way with no container left; the process's open file
    /// descriptors, threads and managed memory end where they began (generous bounds of counts, never of time). The
    /// figures go to the test output (docs/reliability.md).
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    public sealed class LoadTests : ReliabilityTest
    {
        public const int Requests = 10_000;
        public const int Parallel = 64;
        public const int Runs = 200;
        public const int RunParallel = 16;

        public LoadTests(ITestOutputHelper output) : base(output)
        {
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Ten_thousand_mixed_requests_64_way_on_one_client_all_answer_right_and_nothing_leaks(string driver)
        {
            await using var client = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            await client.PullAsync(TestBed.Small);
            var name = await Engines.StartAsync(client, "sleep 3600");
            try
            {
                var image = (OciImage)(await client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Image, TestBed.Small))).Data!;
                var container = (OciContainer)(await client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Container, name))).Data!;
                var version = (OciEngineVersion)(await client.ExecuteAsync(new OciRequest(OciMethods.Version, OciKind.Engine))).Data!;
                var mix = Mix(image, container, version, name);

                await RunAsync(client, mix, Parallel * 10); // warm-up: the pool holds its connections, the JIT is done
                var before = Measure();
                var watch = Stopwatch.StartNew();
                var (done, wrong) = await RunAsync(client, mix, Requests);
                watch.Stop();
                var after = Measure();

                Output.WriteLine($"FIGURE {driver}: {done} requests {Parallel}-way in {watch.Elapsed.TotalSeconds:0.0} s ({done / watch.Elapsed.TotalSeconds:0} per s); {before} -> {after}");
                Assert.Equal(Requests, done);
                Assert.Empty(wrong);
                AssertFlat(before, after);
            }
            finally
            {
                await Engines.RemoveAsync(client, name);
            }
            AssertNothingUnobserved();
        }

        [Theory]
        [MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
        public async Task Two_hundred_runs_16_way_all_exit_right_and_no_container_is_left(string driver)
        {
            await using var client = await OciClient.ConnectAsync(driver, Engines.Host(driver));
            await client.PullAsync(TestBed.Small);
            var label = "oci.reliability.load";
            var value = Guid.NewGuid().ToString("N");
            var before = Measure();
            var watch = Stopwatch.StartNew();
            var failures = new ConcurrentQueue<string>();
            var next = -1;
            var workers = Enumerable.Range(0, RunParallel).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Runs)
                {
                    try
                    {
                        var r = (OciRunResult)(await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Run, OciKind.Container, TestBed.Small, new OciRunOptions
                        {
                            Command = new[] { "sh", "-c", $"echo run-{i}; echo err-{i} >&2; exit {i % 3}" },
                            NetworkMode = "none",
                            Labels = new Dictionary<string, string> { [label] = value },
                        }))).Data!;
                        if (r.ExitCode != i % 3 || r.Stdout.Trim() != $"run-{i}" || r.Stderr.Trim() != $"err-{i}" || !r.Removed)
                            failures.Enqueue($"run {i}: exit {r.ExitCode}, stdout '{r.Stdout.Trim()}', stderr '{r.Stderr.Trim()}', removed {r.Removed}");
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue($"run {i}: {e.GetType().Name}: {e.Message}");
                    }
                }
            })).ToArray();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(10));
            watch.Stop();
            var left = (OciContainer[])(await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Container, null,
                new OciContainerListOptions { All = true, Label = new[] { label + "=" + value } }))).Data!;
            // The pool keeps a connection per concurrent call until it has been idle 15 s: then the descriptors are back.
            var pooled = Measure();
            await WaitUntilAsync(() => Measure().Descriptors <= before.Descriptors + 4, $"the pooled connections to close ({before} -> {pooled})", seconds: 60);
            var after = Measure();
            Output.WriteLine($"FIGURE {driver}: {Runs} runs {RunParallel}-way in {watch.Elapsed.TotalSeconds:0.0} s; {failures.Count} failures; {left.Length} containers left; {before} -> {pooled} (pool) -> {after}");
            Assert.Empty(failures);
            Assert.Empty(left);
            AssertFlat(before, after);
            AssertNothingUnobserved();
        }

        /// <summary>The requests of the mix, each with the check of its answer.</summary>
        private static (OciRequest Request, Func<OciResponse, bool> Right)[] Mix(OciImage image, OciContainer container, OciEngineVersion version, string name) => new (OciRequest, Func<OciResponse, bool>)[]
        {
            (new OciRequest(OciMethods.Ping, OciKind.Engine), r => r.Status == "OK" && r.Engine.Length > 0 && version.Version.Length > 0),
            // Not VERSION: Podman gathers its system's versions for it (about 230 ms, one at a time), so it is asked once, above.
            (new OciRequest(OciMethods.Inspect, OciKind.Container, container.Id), r => r.Data is OciContainer c && c.Name == container.Name),
            (new OciRequest(OciMethods.Inspect, OciKind.Image, TestBed.Small), r => r.Data is OciImage i && i.Id == image.Id),
            (new OciRequest(OciMethods.List, OciKind.Image, TestBed.Small), r => r.Data is IEnumerable<OciImage> l && l.Any(i => i.Id == image.Id)),
            (new OciRequest(OciMethods.Inspect, OciKind.Container, name), r => r.Data is OciContainer c && c.Id == container.Id && c.State == OciContainerStatus.Running),
            (new OciRequest(OciMethods.State, OciKind.Container, name), r => r.Data is OciContainerState s && s.Id == container.Id),
            (new OciRequest(OciMethods.Ping, OciKind.Engine), r => r.Status == "OK"),
            (new OciRequest(OciMethods.Inspect, OciKind.Image, image.Id), r => r.Data is OciImage i && i.Id == image.Id),
        };

        /// <summary>Sends <paramref name="count"/> requests of the mix, <see cref="Parallel"/> at once; how many were answered, and the wrong answers.</summary>
        private static async Task<(int Done, IReadOnlyCollection<string> Wrong)> RunAsync(OciClient client, (OciRequest Request, Func<OciResponse, bool> Right)[] mix, int count)
        {
            var wrong = new ConcurrentQueue<string>();
            var next = -1;
            var done = 0;
            var workers = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var (request, right) = mix[i % mix.Length];
                    try
                    {
                        var response = await client.ExecuteAsync(request).ConfigureAwait(false);
                        if (!right(response)) wrong.Enqueue($"{request}: a wrong answer ({response.Status})");
                    }
                    catch (Exception e)
                    {
                        wrong.Enqueue($"{request}: {e.GetType().Name}: {e.Message}");
                    }
                    Interlocked.Increment(ref done);
                }
            })).ToArray();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(10));
            return (done, wrong);
        }

        private sealed record Sample(int Descriptors, int Threads, long ManagedBytes)
        {
            public override string ToString() => $"{Descriptors} fds, {Threads} threads, {ManagedBytes / 1024 / 1024.0:0.0} MiB managed";
        }

        private static Sample Measure()
        {
            // Counted after a full collection, so only what is still referenced (or still open) counts.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            return new Sample(Directory.GetFileSystemEntries("/proc/self/fd").Length, self.Threads.Count, GC.GetTotalMemory(forceFullCollection: true));
        }

        /// <summary>Handles, threads and memory back where they began: generous bounds, so only a leak that grows with the load fails.</summary>
        private static void AssertFlat(Sample before, Sample after)
        {
            Assert.True(after.Descriptors <= before.Descriptors + 16, $"file descriptors grew: {before} -> {after}");
            Assert.True(after.Threads <= before.Threads + 32, $"threads grew: {before} -> {after}");
            Assert.True(after.ManagedBytes <= before.ManagedBytes + 32L * 1024 * 1024, $"managed memory grew: {before} -> {after}");
        }
    }
}
