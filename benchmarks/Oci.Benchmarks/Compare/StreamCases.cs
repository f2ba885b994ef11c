using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// Streams at the engine's pace against the docker CLI: <c>SAVE</c> of the test bed's big image (the issue asks 1 GB; the
    /// bed's largest image is 256 MB) and <c>LOGS -Follow</c> of a container printing 100k lines. A case whose method the
    /// driver does not serve yet is reported as waiting; adding one is a (kind, method, what) line in <see cref="Pending"/>
    /// while it waits, then a timed case like <see cref="SaveAsync"/>.
    /// </summary>
    public static class StreamCases
    {
        private static readonly (OciKind Kind, string Method, string What, string Issue)[] Pending =
        {
            (OciKind.Container, "LOGS", "LOGS -Follow of 100k lines vs docker logs -f", "issue 9"),
        };

        public static async Task RunAsync(BenchEngine engine, Options o, Report report)
        {
            await using var oci = await OciEngineClient.ConnectAsync(engine);
            foreach (var (kind, method, what, issue) in Pending)
            {
                report.Target(what, engine.Name,
                    oci.Client.Supports(kind, method)
                        ? $"{method} {kind.ToString().ToUpperInvariant()} is served now: add its timed case (benchmarks/Oci.Benchmarks/Compare/StreamCases.cs)"
                        : $"not measured: the driver does not serve {method} {kind.ToString().ToUpperInvariant()} yet ({issue})",
                    "≤ 1.0×, flat memory", null);
            }
            if (oci.Client.Supports(OciKind.Image, OciMethods.Save)) await SaveAsync(engine, o, oci.Client, report);
        }

        /// <summary>SAVE into a file, OciClient against <c>docker save -o</c>, interleaved; the bytes Oci allocated per byte saved say whether memory stays flat.</summary>
        private static async Task SaveAsync(BenchEngine engine, Options o, OciClient client, Report report)
        {
            var image = BenchEngine.Registry + "/big:latest";
            await client.PullAsync(image);
            var file = Path.Combine(Path.GetTempPath(), $"oci-bench-save-{Guid.NewGuid():N}.tar");
            var oci = new Series();
            var cli = new Series();
            try
            {
                for (var round = 0; round < o.PullRounds; round++)
                {
                    Console.WriteLine($"  {engine} save {image}, round {round + 1}/{o.PullRounds}");
                    var contenders = new (Series Series, Func<Task> Save)[]
                    {
                        (oci, () => client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Save, OciKind.Image, image, new OciImageSaveOptions { Path = file }))),
                        (cli, () => Processes.DockerAsync(engine.Endpoint, "save", "-o", file, image)),
                    };
                    foreach (var (series, save) in Timing.Rotate(contenders, round))
                    {
                        File.Delete(file);
                        series.Add(await Timing.SequentialAsync(save, 1));
                    }
                }
                var size = new FileInfo(file).Length;
                var perByte = oci.BytesPerCall / size;
                report.Target("SAVE of the 256 MB image, OciClient vs docker save -o", engine.Name,
                    $"{oci.RatioTo(cli)} ({Report.Micros(oci.P50)} vs {Report.Micros(cli.P50)}); Oci allocated {Report.Bytes(oci.BytesPerCall)} for {Report.Bytes(size)}",
                    "≤ 1.0×, flat memory", oci.RatioTo(cli).Median <= 1.05 && perByte < 0.01);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
