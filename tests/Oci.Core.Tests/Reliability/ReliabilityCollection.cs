using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Oci.Tests.Reliability
{
    /// <summary>
    /// The fault and load suites run alone (after the parallel tests): they kill relays and registries of their own,
    /// measure the process's handles, threads and memory, and load the engines.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ReliabilityCollection
    {
        public const string Name = "reliability (alone)";
    }

    /// <summary>What the fault and load tests share: a hang guard, waiting for a condition, and exceptions no one observed.</summary>
    public abstract class ReliabilityTest : IDisposable
    {
        /// <summary>The hang guard of one call (the suites report the real figures; this only keeps a hang from passing).</summary>
        protected static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

        private readonly ConcurrentQueue<Exception> _unobserved = new();

        protected ReliabilityTest(ITestOutputHelper output)
        {
            Output = output;
            // Tasks other tests left behind are finalized first, so only this test's count.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            TaskScheduler.UnobservedTaskException += OnUnobserved;
        }

        protected ITestOutputHelper Output { get; }

        /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="seconds"/> instead of hanging.</summary>
        protected static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 30)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
                await Task.Delay(20);
            }
        }

        /// <summary>Every faulted task of the test was observed: none reaches the finalizer with its exception unread.</summary>
        protected void AssertNothingUnobserved()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.True(_unobserved.IsEmpty, "unobserved task exceptions: " + string.Join(" | ", _unobserved));
        }

        /// <summary>Writes a figure for docs/reliability.md to the test's output.</summary>
        protected void Figure(string what, TimeSpan elapsed) => Output.WriteLine($"FIGURE {what}: {elapsed.TotalMilliseconds:0} ms");

        private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => _unobserved.Enqueue(e.Exception);

        public void Dispose()
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
            GC.SuppressFinalize(this);
        }
    }
}
