using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Oci.Benchmarks.Compare
{
    /// <summary>The runner's result: the target rows (a measured value against the issue's target) and the context rows (absolute figures).</summary>
    public sealed class Report
    {
        private readonly List<(string What, string Engine, string Measured, string Target, bool? Met)> _targets = new();
        private readonly List<(string What, string Engine, string Contender, string P50, string Bytes)> _context = new();
        private readonly List<string> _notes = new();

        /// <summary>A row against a target; <paramref name="met"/> null when the row has no target (information).</summary>
        public void Target(string what, string engine, string measured, string target, bool? met)
        {
            _targets.Add((what, engine, measured, target, met));
            Console.WriteLine($"  {what} [{engine}]: {measured}   target {target}{(met is null ? string.Empty : met.Value ? "  met" : "  MISSED")}");
        }

        public void Context(string what, string engine, string contender, Series series) =>
            Context(what, engine, contender, Micros(series.P50), series.BytesPerCall > 0 ? Bytes(series.BytesPerCall) : "–");

        /// <summary>A context row in words (the stream cases: time to the end, and memory as that case measures it).</summary>
        public void Context(string what, string engine, string contender, string p50, string memory) =>
            _context.Add((what, engine, contender, p50, memory));

        public void Note(string note)
        {
            _notes.Add(note);
            Console.WriteLine("  note: " + note);
        }

        public static string Micros(double us) =>
            us >= 10_000 ? (us / 1000).ToString("0", CultureInfo.InvariantCulture) + " ms"
            : us >= 1000 ? (us / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " ms"
            : us.ToString("0", CultureInfo.InvariantCulture) + " µs";

        public static string Bytes(double b) =>
            b >= 1024 * 1024 ? (b / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
            : b >= 1024 ? (b / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB"
            : b.ToString("0", CultureInfo.InvariantCulture) + " B";

        /// <summary>A size with its sign (a heap can end smaller than it started).</summary>
        public static string SignedBytes(double b) => (b < 0 ? "-" : "+") + Bytes(Math.Abs(b));

        public string ToMarkdown(string header)
        {
            var sb = new StringBuilder();
            sb.AppendLine(header).AppendLine();
            sb.AppendLine("| what | engine | measured (median of rounds, min–max) | target | |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var t in _targets)
                sb.AppendLine($"| {t.What} | {t.Engine} | {t.Measured} | {t.Target} | {(t.Met is null ? "" : t.Met.Value ? "met" : "**missed**")} |");
            sb.AppendLine().AppendLine("| call | engine | contender | p50 | allocated per call (streams: memory) |").AppendLine("|---|---|---|---|---|");
            foreach (var c in _context) sb.AppendLine($"| {c.What} | {c.Engine} | {c.Contender} | {c.P50} | {c.Bytes} |");
            if (_notes.Count > 0)
            {
                sb.AppendLine();
                foreach (var n in _notes) sb.AppendLine("- " + n);
            }
            return sb.ToString();
        }

        public string Save(string header)
        {
            Directory.CreateDirectory(RepoPaths.Results);
            var path = Path.Combine(RepoPaths.Results, $"compare-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
            File.WriteAllText(path, ToMarkdown(header));
            return path;
        }

        public bool AnyMissed => _targets.Any(t => t.Met == false);
    }
}
