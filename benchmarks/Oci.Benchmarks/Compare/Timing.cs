using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>Timing in this process: calls one after another, or many at once.</summary>
    public static class Timing
    {
        /// <summary><paramref name="count"/> calls one after another: each one's time, and the bytes allocated per call (all threads).</summary>
        public static async Task<Sample> SequentialAsync(Func<Task> call, int count)
        {
            var micros = new double[count];
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await call().ConfigureAwait(false);
                micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
            return new Sample(micros, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count);
        }

        /// <summary>
        /// <paramref name="total"/> calls by <paramref name="workers"/> concurrent callers: the sample holds one value, the
        /// time per call (µs) at that concurrency, so a ratio of samples is the inverse ratio of throughputs.
        /// </summary>
        public static async Task<Sample> ConcurrentAsync(Func<Task> call, int workers, int total)
        {
            var remaining = total;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                while (System.Threading.Interlocked.Decrement(ref remaining) >= 0) await call().ConfigureAwait(false);
            })));
            var perCall = watch.Elapsed.TotalMicroseconds / total;
            return new Sample(new[] { perCall }, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)total);
        }

        /// <summary>A contender's order in a round: rotated every round so none is always first (or last) after another.</summary>
        public static T[] Rotate<T>(T[] items, int round) =>
            items.Skip(round % items.Length).Concat(items.Take(round % items.Length)).ToArray();
    }
}
