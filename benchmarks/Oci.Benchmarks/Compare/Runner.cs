using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;
using Oci.Benchmarks.Seeding;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// The comparison runner (docs/benchmarks.md): every contender side by side in one run, interleaved round by round,
    /// on dockerd and Podman, reported as ratios with their spread over the rounds. Needs the test bed up
    /// (<c>eng/engines.sh up</c>, its variables exported) and the module built (out/Oci).
    /// </summary>
    public static class Runner
    {
        public static async Task<int> RunAsync(Options o, string configuration)
        {
            if (!File.Exists(RepoPaths.Module)) throw new InvalidOperationException($"Build the module first: {RepoPaths.Module} is missing.");
            var engines = o.Engines.Select(BenchEngine.Named).ToArray();
            var header = await HeaderAsync(o, engines);
            Console.WriteLine(header);
            var report = new Report();
            foreach (var e in engines) await ListImages.EnsureAsync(e, Console.WriteLine);

            // One pwsh host for the cmdlets, started before the rest so its start-up is not in any figure.
            await using var pwsh = o.Runs("calls") || o.Runs("streams") ? await PwshHost.StartAsync(BenchEngine.InspectImage, StartupCases.EmptyModule(configuration)) : null;
            if (o.Runs("calls")) foreach (var e in engines) await CallCases.RunAsync(e, o, pwsh!, report);
            if (o.Runs("startup"))
            {
                foreach (var e in engines) await StartupCases.WarmConnectAsync(e, o, report);
                await StartupCases.FreshProcessesAsync(o, report, configuration);
            }
            if (o.Runs("memory")) foreach (var e in engines) await MemoryCase.RunAsync(e, o, report);
            if (o.Runs("streams")) foreach (var e in engines) await StreamCases.RunAsync(e, o, pwsh!, report);
            if (o.Runs("pulls")) foreach (var e in engines) await PullCases.RunAsync(e, o, report);

            var path = report.Save(header);
            Console.WriteLine();
            Console.WriteLine(report.ToMarkdown(header));
            Console.WriteLine($"Written to {path}");
            return 0;
        }

        private static async Task<string> HeaderAsync(Options o, BenchEngine[] engines)
        {
            var versions = string.Join(", ", await Task.WhenAll(engines.Select(async e =>
            {
                await using var c = await OciClient.ConnectAsync(e.Driver, e.Endpoint);
                return $"{e.Name}: {c.Connection.Engine} {c.Connection.EngineVersion} (API {c.Connection.ApiVersion})";
            })));
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
            return $"Comparison run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription.Trim()}, "
                   + $"{RuntimeInformation.FrameworkDescription}), load average at start {load}. {versions}.\n\n{o}.";
        }
    }
}
