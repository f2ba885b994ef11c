using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// Pulls from the test bed's registry, OciClient against <c>docker pull</c> (on Podman: the docker CLI against Podman's
    /// compatible API), interleaved; each pull starts from an engine without the image.
    /// </summary>
    public static class PullCases
    {
        public static async Task RunAsync(BenchEngine engine, Options o, Report report)
        {
            if (!Processes.HasDockerCli)
            {
                report.Note($"pulls on {engine}: no docker CLI at {Processes.DockerCli}, not measured");
                return;
            }
            foreach (var (image, what) in new[] { (BenchEngine.Registry + "/big:latest", "256 MB, 1 layer"), (BenchEngine.Registry + "/layers:latest", "24 layers") })
            {
                var oci = new Series();
                var cli = new Series();
                for (var round = 0; round < o.PullRounds; round++)
                {
                    Console.WriteLine($"  {engine} pull {image}, round {round + 1}/{o.PullRounds}");
                    var contenders = new (Series Series, Func<Task> Pull)[]
                    {
                        (oci, async () =>
                        {
                            await using var c = await OciClient.ConnectAsync(engine.Driver, engine.Endpoint);
                            await c.PullAsync(image, progress: new CountingProgress());
                        }),
                        (cli, () => Processes.DockerAsync(engine.Endpoint, "pull", image)),
                    };
                    foreach (var (series, pull) in Timing.Rotate(contenders, round))
                    {
                        await RemoveAsync(engine, image);
                        series.Add(await Timing.SequentialAsync(pull, 1));
                    }
                }
                report.Target($"pull {what}, OciClient vs docker pull", engine.Name,
                    $"{oci.RatioTo(cli)} ({Report.Micros(oci.P50)} vs {Report.Micros(cli.P50)})", "≤ 1.0× (at the engine's pace)", oci.RatioTo(cli).Median <= 1.05);
            }
        }

        private static async Task RemoveAsync(BenchEngine engine, string image)
        {
            await using var raw = await RawClient.ConnectAsync(engine);
            using var r = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Delete, raw.Prefix + "images/" + image + "?force=1"));
            if (!r.IsSuccessStatusCode && (int)r.StatusCode != 404)
                throw new InvalidOperationException($"Removing {image} from {engine} failed: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }

        /// <summary>A progress sink that only counts, as a caller that shows nothing would have (the CLI prints its lines).</summary>
        private sealed class CountingProgress : IProgress<OciProgress>
        {
            private int _events;

            public void Report(OciProgress value) => Interlocked.Increment(ref _events);
        }
    }
}
