using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Oci.Benchmarks.Clients;
using Oci.Benchmarks.Compare;
using Oci.Benchmarks.Seeding;

namespace Oci.Benchmarks
{
    /// <summary>
    /// <c>compare [options]</c>: the comparison runner (Compare/Runner.cs); <c>micro [BenchmarkDotNet arguments]</c>: the
    /// BenchmarkDotNet benchmarks of the hot paths (Micro/). Both need the test bed's variables (eng/engines.sh env).
    /// </summary>
    public static class Program
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        public static async Task<int> Main(string[] args)
        {
            var mode = args.Length == 0 ? "compare" : args[0];
            var rest = args.Skip(1).ToArray();
            try
            {
                switch (mode)
                {
                    case "compare":
                        return await Runner.RunAsync(Options.Parse(rest), Configuration);
                    case "micro":
                        foreach (var e in BenchEngine.All) await ListImages.EnsureAsync(e, Console.WriteLine);
                        // BenchmarkDotNet finds this project from the working directory (build.ps1 runs in the repository root).
                        var bdn = rest.Length == 0 ? new[] { "--filter", "*" } : rest;
                        if (!bdn.Contains("--artifacts")) bdn = bdn.Concat(new[] { "--artifacts", System.IO.Path.Combine(RepoPaths.Results, "micro") }).ToArray();
                        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(bdn);
                        return 0;
                    default:
                        Console.Error.WriteLine("usage: Oci.Benchmarks compare [--quick] [--rounds N] [--only parts] [--engines names] | micro [BenchmarkDotNet arguments]");
                        return 2;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or OciException)
            {
                Console.Error.WriteLine($"Oci.Benchmarks {mode}: {e.Message}");
                return 1;
            }
        }
    }
}
