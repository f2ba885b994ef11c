using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;
using Oci.Benchmarks.Seeding;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// SAVE of a 1 GiB image (<see cref="SaveImage"/>) into a file, OciClient against <c>docker save -o</c> (and, on Podman,
    /// <c>podman save -o</c> beside them), interleaved. Flat memory is the working set: it must not grow with the archive.
    /// What Oci allocates per byte saved is shown too, beside a raw HttpClient writing the same archive (the floor).
    /// </summary>
    public static class SaveCase
    {
        /// <summary>How far the working set may rise while 1 GiB streams through when memory is flat (a fixed copy buffer is well under this).</summary>
        private const long FlatRise = 64L << 20;

        public static async Task RunAsync(BenchEngine engine, Options o, OciClient client, Report report)
        {
            var image = await SaveImage.EnsureAsync(engine, client, Console.WriteLine);
            var file = Path.Combine(Path.GetTempPath(), $"oci-bench-save-{Guid.NewGuid():N}.tar");
            long size = 0;
            async Task<StreamRun> Saved(Func<Task<StreamRun>> save)
            {
                File.Delete(file);
                var run = await save();
                size = new FileInfo(file).Length;
                if (size < SaveImage.Size) throw new InvalidOperationException($"The archive of {image} holds only {size} bytes.");
                return run;
            }

            var oci = new StreamContender("OciClient", () => Saved(() => StreamRun.InProcessAsync(async atEnd =>
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Save, OciKind.Image, image, new OciImageSaveOptions { Path = file }));
                atEnd();
            })));
            var docker = new StreamContender("docker save -o", () => Saved(async () => StreamRun.Cli(await Processes.MeasureAsync(Processes.Docker(engine.Endpoint, "save", "-o", file, image)))));
            await using var raw = await RawClient.ConnectAsync(engine);
            var contenders = new List<StreamContender>
            {
                oci, docker,
                new("raw HttpClient", () => Saved(() => StreamRun.InProcessAsync(async atEnd =>
                {
                    await RawSaveAsync(raw, image, file);
                    atEnd();
                }))),
            };
            if (engine == BenchEngine.Podman && Processes.HasPodmanCli)
                contenders.Add(new StreamContender("podman save -o", () => Saved(async () => StreamRun.Cli(await Processes.MeasureAsync(Processes.Podman(engine.Endpoint, "save", "-o", file, image))))));
            try
            {
                await StreamContender.RunRoundsAsync(contenders, o.Rounds, $"{engine} SAVE of {image}", warm: false);
            }
            finally
            {
                File.Delete(file);
            }

            var ratio = oci.Times.RatioTo(docker.Times);
            var perByte = oci.Allocated / size;
            report.Target("SAVE of 1 GiB, OciClient vs docker save -o", engine.Name,
                $"{ratio} ({Report.Micros(oci.Times.P50)} vs {Report.Micros(docker.Times.P50)}, {Report.Bytes(size)}); OciClient: {Report.Bytes(oci.Allocated)} allocated ({perByte:0.0000} B per byte), working set +{Report.Bytes(oci.Resident)}; docker CLI: {Report.Bytes(docker.Resident)} peak",
                "≤ 1.0×, flat memory", ratio.Median <= 1.05 && oci.Resident < FlatRise);
            foreach (var c in contenders)
                report.Context($"SAVE of {Report.Bytes(size)}", engine.Name, c.Name, Report.Micros(c.Times.P50),
                    c.Allocated > 0 ? $"{Report.Bytes(c.Allocated)}; working set +{Report.Bytes(c.Resident)}" : $"peak resident {Report.Bytes(c.Resident)}");
        }

        /// <summary>The floor: the archive as any .NET program would write it (Stream.CopyToAsync into a FileStream).</summary>
        private static async Task RawSaveAsync(RawClient raw, string image, string file)
        {
            using var response = await raw.Http.GetAsync(raw.Prefix + "images/get?names=" + Uri.EscapeDataString(image), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var source = await response.Content.ReadAsStreamAsync();
            await using var destination = File.Create(file);
            await source.CopyToAsync(destination);
        }
    }
}
