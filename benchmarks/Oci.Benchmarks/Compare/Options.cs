using System;
using System.Collections.Generic;
using System.Linq;

namespace Oci.Benchmarks.Compare
{
    /// <summary>The comparison runner's knobs: <c>compare [--quick] [--rounds N] [--only calls,startup,memory,pulls,streams] [--engines dockerd,podman]</c>.</summary>
    public sealed class Options
    {
        public int Rounds { get; private set; } = 5;
        public int Calls { get; private set; } = 400;
        public int ListCalls { get; private set; } = 10;
        public int CliCalls { get; private set; } = 3;
        public int ThroughputCalls { get; private set; } = 4000;
        public int Concurrency { get; private set; } = 64;
        public int FreshProcesses { get; private set; } = 4;
        public int ConnectCalls { get; private set; } = 20;
        public int MemoryRequests { get; private set; } = 100_000;
        public int PullRounds { get; private set; } = 3;
        public HashSet<string> Parts { get; private set; } = new(StringComparer.OrdinalIgnoreCase) { "calls", "startup", "memory", "pulls", "streams" };
        public string[] Engines { get; private set; } = { "dockerd", "podman" };
        public bool Quick { get; private set; }

        public static Options Parse(IReadOnlyList<string> args)
        {
            var o = new Options();
            for (var i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        // A smoke run of every part: few rounds and calls; the figures are not worth quoting.
                        o.Quick = true;
                        o.Rounds = 2; o.Calls = 50; o.ListCalls = 3; o.CliCalls = 2; o.ThroughputCalls = 640; o.FreshProcesses = 1;
                        o.ConnectCalls = 5; o.MemoryRequests = 10_000; o.PullRounds = 1;
                        break;
                    case "--rounds": o.Rounds = int.Parse(args[++i]); break;
                    case "--only": o.Parts = new HashSet<string>(args[++i].Split(','), StringComparer.OrdinalIgnoreCase); break;
                    case "--engines": o.Engines = args[++i].Split(','); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'. Use --quick, --rounds N, --only {string.Join(',', new Options().Parts)}, --engines dockerd,podman.");
                }
            }
            if (o.Rounds < 1) throw new ArgumentException("--rounds must be at least 1.");
            return o;
        }

        public bool Runs(string part) => Parts.Contains(part);

        public override string ToString() =>
            $"{Rounds} rounds; {Calls} calls (LIST {ListCalls}, CLI {CliCalls}) per contender per round; {ThroughputCalls} pings {Concurrency}-way; "
            + $"{FreshProcesses} fresh pwsh per module per round; {MemoryRequests} requests for memory; {PullRounds} pull rounds; parts: {string.Join(",", Parts.OrderBy(p => p))}";
    }
}
