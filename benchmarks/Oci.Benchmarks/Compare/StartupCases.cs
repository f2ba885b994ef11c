using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// Connecting: warm (in this process, again and again, with the round trips counted), the first connect in a fresh
    /// pwsh, and <c>Import-Module Oci</c> cold against a trivial binary module's import, fresh processes interleaved.
    /// </summary>
    public static class StartupCases
    {
        public static async Task WarmConnectAsync(BenchEngine engine, Options o, Report report)
        {
            await using (var warm = await OciClient.ConnectAsync(engine.Driver, engine.Endpoint)) { }
            var oci = new Series();
            var raw = new Series();
            for (var round = 0; round < o.Rounds; round++)
            {
                var contenders = new (Series Series, Func<Task> Connect)[]
                {
                    (oci, async () => { await using var c = await OciClient.ConnectAsync(engine.Driver, engine.Endpoint); }),
                    // A new keep-alive client and its first request: a connect and one round trip, the floor of any connect.
                    (raw, async () => { await using var c = await RawClient.ConnectAsync(engine); }),
                };
                foreach (var (series, connect) in Timing.Rotate(contenders, round)) series.Add(await Timing.SequentialAsync(connect, o.ConnectCalls));
            }
            await using var counter = new RequestCounter(engine.SocketPath);
            await using (var counted = await OciClient.ConnectAsync(engine.Driver, counter.Endpoint)) { }
            var ms = oci.Rounds.Select(r => r.P50 / 1000).ToArray();
            report.Target("connect, warm (OciClient.ConnectAsync)", engine.Name,
                $"{Sample.Percentile(ms, 0.5):0.0} ms ({ms.Min():0.0}–{ms.Max():0.0}); {counter.Requests} request(s); {oci.RatioTo(raw)} of a new raw client's first ping",
                "≤ 30 ms, 1 round trip", Sample.Percentile(ms, 0.5) <= 30 && counter.Requests == 1);
            report.Context("connect (new client + first request)", engine.Name, "OciClient", oci);
            report.Context("connect (new client + first request)", engine.Name, "raw HttpClient", raw);
        }

        /// <summary>Fresh pwsh processes, interleaved: Oci's import and first connect to each engine, and the empty module's import.</summary>
        public static async Task FreshProcessesAsync(Options o, Report report, string configuration)
        {
            var empty = EmptyModule(configuration);
            // Where Import-Module's time goes: Oci without its view and type files, and the trivial module with them.
            var ociBare = OciWithoutViews();
            var emptyViews = EmptyModuleWithViews(configuration);
            var bareImport = new Series();
            var viewsImport = new Series();
            var engines = o.Engines.Select(BenchEngine.Named).ToArray();
            var ociImport = new Series();
            var emptyImport = new Series();
            var connects = engines.ToDictionary(e => e.Name, _ => new Series());
            var jit = engines.ToDictionary(e => e.Name, _ => new List<double>());
            for (var round = 0; round < o.Rounds; round++)
            {
                Console.WriteLine($"  fresh pwsh, round {round + 1}/{o.Rounds}");
                var runs = new List<Func<Task>>();
                for (var i = 0; i < o.FreshProcesses; i++)
                {
                    foreach (var engine in engines)
                    {
                        var e = engine;
                        runs.Add(async () =>
                        {
                            var f = Numbers((await Processes.FreshPwshAsync(OciScript(e))).Output);
                            ociImport.AddTo(round, f[0]);
                            connects[e.Name].AddTo(round, f[1]);
                            jit[e.Name].Add(f[2]);
                        });
                    }
                    runs.Add(async () => emptyImport.AddTo(round, Numbers((await Processes.FreshPwshAsync(EmptyScript(empty))).Output)[0]));
                    runs.Add(async () => bareImport.AddTo(round, Numbers((await Processes.FreshPwshAsync(EmptyScript(ociBare))).Output)[0]));
                    runs.Add(async () => viewsImport.AddTo(round, Numbers((await Processes.FreshPwshAsync(EmptyScript(emptyViews))).Output)[0]));
                }
                foreach (var run in Timing.Rotate(runs.ToArray(), round)) await run();
            }
            var import = ociImport.RatioTo(emptyImport);
            report.Target("Import-Module Oci, cold, vs an empty binary module's", "–",
                $"{import} ({Report.Micros(ociImport.P50)} vs {Report.Micros(emptyImport.P50)})", "≤ 1.1×", import.Median <= 1.1);
            report.Target("  the same, Oci without its view and type files", "–",
                $"{bareImport.RatioTo(emptyImport)} ({Report.Micros(bareImport.P50)})", "(where the time goes)", null);
            report.Target("  the same, the empty module with Oci's view and type files", "–",
                $"{viewsImport.RatioTo(emptyImport)} ({Report.Micros(viewsImport.P50)})", "(where the time goes)", null);
            foreach (var e in engines)
            {
                var ms = connects[e.Name].Rounds.Select(r => r.P50 / 1000).ToArray();
                report.Target("first Connect-OciEngine in a fresh pwsh", e.Name,
                    $"{Sample.Percentile(ms, 0.5):0} ms ({ms.Min():0}–{ms.Max():0}); JIT {Sample.Percentile(jit[e.Name], 0.5):0} ms of it", "≤ 150 ms",
                    Sample.Percentile(ms, 0.5) <= 150);
            }
        }

        // Times in µs, printed by the fresh process on one line.
        private static double[] Numbers(string output) =>
            output.Trim().Split('\n').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

        private static string OciScript(BenchEngine engine) =>
            "$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '" + RepoPaths.Module + "'; $import = $w.Elapsed.TotalMicroseconds; "
            + "$jit = [System.Runtime.JitInfo]::GetCompilationTime(); $w.Restart(); "
            + "$null = Connect-OciEngine -Endpoint '" + engine.Endpoint + "'; $connect = $w.Elapsed.TotalMicroseconds; "
            + "$jit = ([System.Runtime.JitInfo]::GetCompilationTime() - $jit).TotalMilliseconds; "
            + "[string]::Join(' ', [string[]]@($import, $connect, $jit).ForEach({ $_.ToString([cultureinfo]::InvariantCulture) }))";

        private static string EmptyScript(string manifest) =>
            "$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '" + manifest + "'; $w.Elapsed.TotalMicroseconds.ToString([cultureinfo]::InvariantCulture)";

        /// <summary>The trivial binary module beside a manifest of its own, as Oci has one (benchmarks/EmptyModule).</summary>
        public static string EmptyModule(string configuration) => EmptyModuleIn(configuration, "oci-bench-empty-module", withViews: false);

        private static string EmptyModuleWithViews(string configuration) => EmptyModuleIn(configuration, "oci-bench-empty-module-views", withViews: true);

        private static string EmptyModuleIn(string configuration, string name, bool withViews)
        {
            var assembly = RepoPaths.EmptyModuleAssembly(configuration);
            if (!File.Exists(assembly)) throw new InvalidOperationException($"Build benchmarks/EmptyModule first ({assembly} is missing).");
            var folder = Path.Combine(Path.GetTempPath(), name);
            Directory.CreateDirectory(folder);
            File.Copy(assembly, Path.Combine(folder, Path.GetFileName(assembly)), overwrite: true);
            var views = string.Empty;
            if (withViews)
            {
                foreach (var file in new[] { "Oci.format.ps1xml", "Oci.types.ps1xml" })
                    File.Copy(Path.Combine(Path.GetDirectoryName(RepoPaths.Module)!, file), Path.Combine(folder, file), overwrite: true);
                views = "FormatsToProcess = @('Oci.format.ps1xml'); TypesToProcess = @('Oci.types.ps1xml'); ";
            }
            var manifest = Path.Combine(folder, "Oci.EmptyModule.psd1");
            File.WriteAllText(manifest, "@{ RootModule = 'Oci.EmptyModule.dll'; ModuleVersion = '0.1.0'; GUID = '0e3a1d52-54f1-4d36-9a43-5d0c2f4b7c11'; "
                + views + "CmdletsToExport = @('Get-OciEmpty'); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }");
            return manifest;
        }

        /// <summary>A copy of the built module whose manifest lists no view or type files.</summary>
        private static string OciWithoutViews()
        {
            var source = Path.GetDirectoryName(RepoPaths.Module)!;
            var folder = Path.Combine(Path.GetTempPath(), "oci-bench-oci-without-views", "Oci");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var manifest = Path.Combine(folder, "Oci.psd1");
            var lines = File.ReadAllLines(manifest).Where(l => !l.TrimStart().StartsWith("FormatsToProcess", StringComparison.Ordinal)
                                                                && !l.TrimStart().StartsWith("TypesToProcess", StringComparison.Ordinal));
            File.WriteAllLines(manifest, lines);
            return manifest;
        }
    }
}
