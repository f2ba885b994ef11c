using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>One contender of a stream case: how it reads the stream once, and what each round measured.</summary>
    public sealed class StreamContender
    {
        private readonly Func<Task<StreamRun>> _read;
        private readonly List<StreamRun> _runs = new();

        public StreamContender(string name, Func<Task<StreamRun>> read)
        {
            Name = name;
            _read = read;
        }

        public string Name { get; }

        /// <summary>Each round's time, for ratios round by round.</summary>
        public Series Times { get; } = new();

        /// <summary>The median over the rounds of what it allocated per read.</summary>
        public double Allocated => Sample.Percentile(_runs.Select(r => r.Allocated).ToArray(), 0.5);

        /// <summary>The highest resident-set figure of any round (the worst case, as memory is judged).</summary>
        public long Resident => _runs.Max(r => r.Resident);

        /// <summary>The most managed heap retained at a stream's end in any round; null for a contender in another process.</summary>
        public long? Retained => _runs.Max(r => r.Retained);

        public Task<StreamRun> WarmAsync() => _read();

        public async Task MeasureAsync()
        {
            var run = await _read();
            _runs.Add(run);
            Times.Add(run.AsSample());
        }

        /// <summary>Every contender once in each round, in a rotating order; with <paramref name="warm"/>, one read each first, not counted.</summary>
        public static async Task RunRoundsAsync(IReadOnlyList<StreamContender> contenders, int rounds, string what, bool warm)
        {
            if (warm) foreach (var c in contenders) await c.WarmAsync();
            for (var round = 0; round < rounds; round++)
            {
                Console.WriteLine($"  {what}, round {round + 1}/{rounds}");
                foreach (var c in Timing.Rotate(contenders.ToArray(), round)) await c.MeasureAsync();
            }
        }
    }
}
