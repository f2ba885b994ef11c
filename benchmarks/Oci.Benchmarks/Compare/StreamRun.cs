using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// One read of a stream by one contender: its time (µs) to the end (or to the last line waited for), the bytes it
    /// allocated (in the process that read: this one, or the pwsh host), how far that process's resident set rose above
    /// where it stood (for a CLI: its peak resident set), and, read in this process, the managed heap it still held at the
    /// end (after a full collection, while the stream was still open): what flat memory means.
    /// </summary>
    public sealed record StreamRun(double Micros, double Allocated, long Resident, long? Retained)
    {
        /// <summary>
        /// Times <paramref name="read"/> in this process. The reader calls its argument once, at its last item while the
        /// stream is still open: the clock stops there, before the full collection that measures what is retained.
        /// </summary>
        public static async Task<StreamRun> InProcessAsync(Func<Action, Task> read)
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var memory = ResidentMemory.Watch(Environment.ProcessId);
            double micros = 0, allocated = 0;
            long? retained = null;
            try
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await read(() =>
                {
                    micros = watch.Elapsed.TotalMicroseconds;
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                    retained = GC.GetTotalMemory(forceFullCollection: true) - heap;
                });
            }
            finally
            {
                memory.Dispose();
            }
            if (retained is null) throw new InvalidOperationException("The stream ended before its last item.");
            return new StreamRun(micros, allocated, memory.Rise, retained);
        }

        /// <summary>A CLI's run: its time and peak resident set; what it allocates is its own business.</summary>
        public static StreamRun Cli(CliRun run) => new(run.Micros, 0, run.PeakRss, null);

        public Sample AsSample() => new(new[] { Micros }, Allocated);
    }
}
