using System;
using System.Collections.Generic;
using System.Linq;

namespace Oci.Benchmarks.Compare
{
    /// <summary>One batch of one contender in one round: each call's time (µs) and the bytes allocated per call.</summary>
    public sealed record Sample(double[] Micros, double BytesPerCall)
    {
        public double P50 => Percentile(Micros, 0.5);

        public static double Percentile(IReadOnlyList<double> values, double p)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.OrderBy(v => v).ToArray();
            var rank = p * (sorted.Length - 1);
            var low = (int)Math.Floor(rank);
            var high = (int)Math.Ceiling(rank);
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
        }
    }

    /// <summary>Every round's sample of one contender in one row of the table.</summary>
    public sealed class Series
    {
        private readonly List<Sample> _rounds = new();

        public IReadOnlyList<Sample> Rounds => _rounds;

        public void Add(Sample sample) => _rounds.Add(sample);

        /// <summary>Adds one value to round <paramref name="round"/>'s sample (fresh processes finish one at a time).</summary>
        public void AddTo(int round, double micros)
        {
            if (_rounds.Count <= round) _rounds.Add(new Sample(new[] { micros }, 0));
            else _rounds[round] = _rounds[round] with { Micros = _rounds[round].Micros.Append(micros).ToArray() };
        }

        /// <summary>The median over every call of every round.</summary>
        public double P50 => Sample.Percentile(_rounds.SelectMany(r => r.Micros).ToArray(), 0.5);

        /// <summary>The median of the rounds' bytes per call.</summary>
        public double BytesPerCall => Sample.Percentile(_rounds.Select(r => r.BytesPerCall).ToArray(), 0.5);

        /// <summary>This series' p50 over <paramref name="baseline"/>'s, round by round (both measured in the same round): median, min, max.</summary>
        public Ratio RatioTo(Series baseline, Func<Sample, double>? measure = null)
        {
            measure ??= s => s.P50;
            var n = Math.Min(_rounds.Count, baseline._rounds.Count);
            var ratios = Enumerable.Range(0, n).Select(i => measure(_rounds[i]) / measure(baseline._rounds[i])).ToArray();
            return new Ratio(Sample.Percentile(ratios, 0.5), ratios.Min(), ratios.Max());
        }
    }

    /// <summary>A ratio measured round by round: its median and spread.</summary>
    public readonly record struct Ratio(double Median, double Min, double Max)
    {
        public override string ToString() => $"{Median:0.00}× ({Min:0.00}–{Max:0.00})";
    }
}
