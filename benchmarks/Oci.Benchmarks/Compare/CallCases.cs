using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// PING, INSPECT and LIST of 1,000 images (200 on Podman), latency and allocations, by every contender in turn within each round
    /// (raw HttpClient, Docker.DotNet, OciClient, the core call and the cmdlet in pwsh, the docker CLI), and PING
    /// throughput at 64 callers.
    /// </summary>
    public static class CallCases
    {
        private sealed record Contender(string Name, Func<string, Task<Sample>> Run);

        public static async Task RunAsync(BenchEngine engine, Options o, PwshHost pwsh, Report report)
        {
            await using var raw = await RawClient.ConnectAsync(engine);
            await using var dd = new DockerDotNetClient(engine);
            await using var oci = await OciEngineClient.ConnectAsync(engine);
            IEngineClient[] clients = { raw, dd, oci };
            var image = BenchEngine.InspectImage;
            var ops = new (string Op, string Key, Func<IEngineClient, Task> Call, int Calls, string[] Cli)[]
            {
                ("PING", "ping", c => c.PingAsync(), o.Calls, Array.Empty<string>()),
                ("INSPECT", "inspect", c => c.InspectAsync(image), o.Calls, new[] { "image", "inspect", image }),
                ($"LIST of {engine.ListSize:N0}", "list", c => c.ListAsync(), o.ListCalls, new[] { "images" }),
            };

            // Warm-up: connections open, code compiled (tiered up), in every contender.
            foreach (var (_, key, call, calls, _) in ops)
            {
                foreach (var c in clients) await Timing.SequentialAsync(() => call(c), Math.Max(calls / 2, 2));
                await pwsh.RunAsync(key + "-core", engine.Name, Math.Max(calls / 4, 2));
                await pwsh.RunAsync(key + "-cmdlet", engine.Name, Math.Max(calls / 4, 2));
            }

            var series = new Dictionary<(string Op, string Contender), Series>();
            void Add(string op, string contender, Sample s)
            {
                if (!series.TryGetValue((op, contender), out var list)) series[(op, contender)] = list = new Series();
                list.Add(s);
            }

            for (var round = 0; round < o.Rounds; round++)
            {
                Console.WriteLine($"  {engine} calls, round {round + 1}/{o.Rounds}");
                foreach (var (op, key, call, calls, cli) in ops)
                {
                    var contenders = new List<Contender>();
                    foreach (var c in clients) contenders.Add(new(c.Name, _ => Timing.SequentialAsync(() => call(c), calls)));
                    contenders.Add(new("core call from pwsh", _ => pwsh.RunAsync(key + "-core", engine.Name, calls)));
                    contenders.Add(new("Invoke-OciRequest", _ => pwsh.RunAsync(key + "-cmdlet", engine.Name, calls)));
                    if (cli.Length > 0 && Processes.HasDockerCli)
                        contenders.Add(new("docker CLI", _ => CliAsync(engine, cli, o.CliCalls)));
                    foreach (var c in Timing.Rotate(contenders.ToArray(), round)) Add(op, c.Name, await c.Run(op));
                }
                foreach (var c in Timing.Rotate(clients, round))
                    Add("PING 64-way", c.Name, await Timing.ConcurrentAsync(() => c.PingAsync(), o.Concurrency, o.ThroughputCalls));
                foreach (var op in Timing.Rotate(new[] { "noop", "empty-cmdlet" }, round))
                    Add("pwsh floor", op == "noop" ? "a bare expression" : "an empty compiled cmdlet", await pwsh.RunAsync(op, engine.Name, o.Calls));
            }

            Series S(string op, string contender) => series[(op, contender)];
            report.Target("PING p50, OciClient vs raw", engine.Name, S("PING", oci.Name).RatioTo(S("PING", raw.Name)).ToString(), "≤ 1.15×",
                S("PING", oci.Name).RatioTo(S("PING", raw.Name)).Median <= 1.15);
            report.Target("PING p50, Docker.DotNet vs raw", engine.Name, S("PING", dd.Name).RatioTo(S("PING", raw.Name)).ToString(), "(for comparison)", null);
            var throughput = S("PING 64-way", raw.Name).RatioTo(S("PING 64-way", oci.Name), s => s.Micros[0]);
            report.Target($"PING {o.Concurrency}-way throughput, OciClient vs raw", engine.Name, throughput.ToString(), "≥ 0.9×", throughput.Median >= 0.9);
            report.Target($"PING {o.Concurrency}-way throughput, Docker.DotNet vs raw", engine.Name,
                S("PING 64-way", raw.Name).RatioTo(S("PING 64-way", dd.Name), s => s.Micros[0]).ToString(), "(for comparison)", null);
            var inspect = S("INSPECT", oci.Name).RatioTo(S("INSPECT", raw.Name));
            report.Target("INSPECT p50, OciClient vs raw", engine.Name, inspect.ToString(), "≤ 1.15×", inspect.Median <= 1.15);
            foreach (var op in new[] { "INSPECT", $"LIST of {engine.ListSize:N0}" })
            {
                var bytes = S(op, oci.Name).RatioTo(S(op, dd.Name), s => s.BytesPerCall);
                report.Target($"{op}, bytes per call, OciClient vs Docker.DotNet", engine.Name,
                    $"{bytes} ({Report.Bytes(S(op, oci.Name).BytesPerCall)} vs {Report.Bytes(S(op, dd.Name).BytesPerCall)})", "≤ 1.0×", bytes.Median <= 1.0);
            }
            foreach (var (op, key, _, _, _) in ops)
            {
                var cmdlet = S(op, "Invoke-OciRequest");
                var core = S(op, "core call from pwsh");
                var extra = Enumerable.Range(0, o.Rounds).Select(i => cmdlet.Rounds[i].P50 - core.Rounds[i].P50).ToArray();
                var bytes = cmdlet.BytesPerCall - core.BytesPerCall;
                report.Target($"Invoke-OciRequest {op.Split(' ')[0]} over the core call from script", engine.Name,
                    $"+{Sample.Percentile(extra, 0.5):0} µs ({extra.Min():0}–{extra.Max():0}), +{Report.Bytes(bytes)} per call", "≤ 30 µs",
                    key == "list" ? null : Sample.Percentile(extra, 0.5) <= 30);
            }
            var floor = Enumerable.Range(0, o.Rounds).Select(i => S("pwsh floor", "an empty compiled cmdlet").Rounds[i].P50 - S("pwsh floor", "a bare expression").Rounds[i].P50).ToArray();
            report.Target("PowerShell's own cost of invoking a compiled cmdlet (Get-OciEmpty vs a bare expression)", engine.Name,
                $"+{Sample.Percentile(floor, 0.5):0} µs ({floor.Min():0}–{floor.Max():0}), +{Report.Bytes(S("pwsh floor", "an empty compiled cmdlet").BytesPerCall - S("pwsh floor", "a bare expression").BytesPerCall)} per call",
                "(the floor under the row above)", null);
            foreach (var ((op, contender), s) in series.OrderBy(p => p.Key.Op, StringComparer.Ordinal))
                report.Context(op, engine.Name, contender, s);
        }

        private static async Task<Sample> CliAsync(BenchEngine engine, string[] args, int count)
        {
            var micros = new double[count];
            for (var i = 0; i < count; i++) micros[i] = (await Processes.DockerAsync(engine.Endpoint, args)).Micros;
            return new Sample(micros, 0);
        }
    }
}
