using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Oci.Drivers.Docker;

namespace Oci.Benchmarks.Micro
{
    /// <summary>
    /// The pull progress parser on streams recorded from the test bed (data/pull-*.jsonl: dockerd's and Podman's dialects,
    /// one 256 MB layer and 24 layers): the JSON-lines reader and the translation into <see cref="OciProgress"/> events.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(warmupCount: 3, iterationCount: 10)]
    public class PullProgressBenchmarks
    {
        private byte[] _stream = Array.Empty<byte>();

        [Params("pull-layers.docker.jsonl", "pull-layers.podman.jsonl", "pull-big.docker.jsonl")]
        public string Recording { get; set; } = "pull-layers.docker.jsonl";

        [GlobalSetup]
        public void Setup() => _stream = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", Recording));

        [Benchmark]
        public async Task<int> ParseAndTranslate()
        {
            var sink = new Counter();
            var translator = new PullProgressTranslator("127.0.0.1:5000/layers:latest", sink);
            using var response = new HttpResponseMessage { Content = new ByteArrayContent(_stream) };
            await JsonStream.ReadAsync(response, DockerJson.Default.JsonMessageDto, translator.Report, CancellationToken.None);
            translator.Complete(null);
            return sink.Events;
        }

        private sealed class Counter : IProgress<OciProgress>
        {
            public int Events;

            public void Report(OciProgress value) => Events++;
        }
    }
}
