using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;
using Oci.Benchmarks.Seeding;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// LOGS -Follow of a container that wrote 100k lines (<see cref="LogsContainer"/>): OciClient, Get-OciContainerLog
    /// -Follow in the pwsh host and a raw HttpClient against <c>docker logs -f</c> (and, on Podman, <c>podman logs -f</c>),
    /// interleaved. Each follows the log from its start and stops at the last line; the container keeps running, so the
    /// stream is a follow that would go on.
    /// </summary>
    public static class LogsCase
    {
        public static async Task RunAsync(BenchEngine engine, Options o, OciClient client, PwshHost pwsh, Report report)
        {
            const int lines = LogsContainer.Lines;
            var name = await LogsContainer.StartAsync(engine, client, Console.WriteLine);
            try
            {
                await using var raw = await RawClient.ConnectAsync(engine);
                var oci = new StreamContender("OciClient", () => StreamRun.InProcessAsync(atEnd => OciFollowAsync(client, name, lines, atEnd)));
                var cmdlet = new StreamContender("Get-OciContainerLog -Follow", () => pwsh.StreamAsync("logs-cmdlet", engine.Name, name, lines));
                var docker = new StreamContender("docker logs -f", async () => StreamRun.Cli(await Processes.MeasureAsync(Processes.Docker(engine.Endpoint, "logs", "-f", name), lines)));
                var contenders = new List<StreamContender>
                {
                    new("raw HttpClient", () => StreamRun.InProcessAsync(atEnd => RawFollowAsync(raw, name, lines, atEnd))),
                    oci, cmdlet, docker,
                };
                StreamContender? podman = null;
                if (engine == BenchEngine.Podman && Processes.HasPodmanCli)
                    contenders.Add(podman = new StreamContender("podman logs -f", async () => StreamRun.Cli(await Processes.MeasureAsync(Processes.Podman(engine.Endpoint, "logs", "-f", name), lines))));
                await StreamContender.RunRoundsAsync(contenders, o.Rounds, $"{engine} LOGS -Follow of {lines:N0} lines", warm: true);
                var cmdletHeap = (long)(await pwsh.RunAsync("logs-cmdlet-heap", engine.Name, 1, name, lines)).BytesPerCall;

                foreach (var cli in podman is null ? new[] { docker } : new[] { podman, docker })
                {
                    var ratio = oci.Times.RatioTo(cli.Times);
                    report.Target($"LOGS -Follow of 100k lines, OciClient vs {cli.Name}", engine.Name,
                        $"{ratio} ({Report.Micros(oci.Times.P50)} vs {Report.Micros(cli.Times.P50)}); OciClient: {PerLine(oci.Allocated)}, heap {Report.SignedBytes(oci.Retained ?? 0)} at the last line, working set +{Report.Bytes(oci.Resident)}; {cli.Name}: {Report.Bytes(cli.Resident)} peak",
                        "≤ 1.0×, flat memory", ratio.Median <= 1.05 && oci.Retained < Flat);
                    var viaCmdlet = cmdlet.Times.RatioTo(cli.Times);
                    report.Target($"LOGS -Follow of 100k lines, Get-OciContainerLog -Follow vs {cli.Name}", engine.Name,
                        $"{viaCmdlet} ({Report.Micros(cmdlet.Times.P50)}); pwsh: {PerLine(cmdlet.Allocated)}, heap {Report.SignedBytes(cmdletHeap)} at the last line, working set +{Report.Bytes(cmdlet.Resident)}",
                        "≤ 1.0×, flat memory", viaCmdlet.Median <= 1.05 && cmdletHeap < FlatPipeline);
                }
                foreach (var c in contenders)
                    report.Context($"LOGS -Follow of {lines:N0} lines", engine.Name, c.Name, Report.Micros(c.Times.P50),
                        c.Allocated > 0 ? $"{PerLine(c.Allocated)}; working set +{Report.Bytes(c.Resident)}" : $"peak resident {Report.Bytes(c.Resident)}");
            }
            finally
            {
                await BenchContainers.RemoveAsync(client, name);
            }

            static string PerLine(double allocated) => $"{allocated / lines:0} B allocated per line";
        }

        /// <summary>What a reader may keep when memory is flat: far below the 100k lines' own size (7.6 MB of text, twice that as .NET strings).</summary>
        private const long Flat = 1 << 20;

        /// <summary>
        /// What the pwsh host may hold at the last line when memory is flat: the cmdlet's queue keeps up to 1,024 lines by
        /// design (PipelinePump) besides what the host itself compiles and caches; all 100k lines as PowerShell objects would be over 30 MB.
        /// </summary>
        private const long FlatPipeline = 8L << 20;

        private static async Task OciFollowAsync(OciClient client, string name, int lines, Action atEnd)
        {
            var request = OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, name, new OciContainerLogOptions { Follow = true });
            var n = 0;
            await foreach (var _ in client.StreamAsync<OciLogLine>(request))
            {
                if (++n < lines) continue;
                atEnd();
                return;
            }
            throw new InvalidOperationException($"OciClient's follow of {name} ended after {n} of {lines} lines.");
        }

        /// <summary>The floor: the engine's multiplexed frames (8-byte header, then the payload) read and their line breaks counted.</summary>
        private static async Task RawFollowAsync(RawClient raw, string name, int lines, Action atEnd)
        {
            using var response = await raw.Http.GetAsync(raw.Prefix + $"containers/{name}/logs?follow=1&stdout=1&stderr=1", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            var header = new byte[8];
            int headerRead = 0, read;
            long payloadLeft = 0, n = 0;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                for (var i = 0; i < read;)
                {
                    if (payloadLeft == 0)
                    {
                        header[headerRead++] = buffer[i++];
                        if (headerRead < header.Length) continue;
                        payloadLeft = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                        headerRead = 0;
                        continue;
                    }
                    var take = (int)Math.Min(payloadLeft, read - i);
                    n += buffer.AsSpan(i, take).Count((byte)'\n');
                    payloadLeft -= take;
                    i += take;
                }
                if (n < lines) continue;
                atEnd();
                return;
            }
            throw new InvalidOperationException($"The raw follow of {name} ended after {n} of {lines} lines.");
        }
    }
}
