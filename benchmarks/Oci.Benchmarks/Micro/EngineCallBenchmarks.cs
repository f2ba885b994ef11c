using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Micro
{
    /// <summary>
    /// PING, INSPECT and LIST (of the 1,000 seeded images and the test images) against the live engines: raw keep-alive
    /// HttpClient (the baseline of each category), Docker.DotNet and OciClient, with their allocations.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(warmupCount: 3, iterationCount: 10)]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class EngineCallBenchmarks
    {
        private RawClient _raw = null!;
        private DockerDotNetClient _dockerDotNet = null!;
        private OciEngineClient _oci = null!;

        [Params("dockerd", "podman")]
        public string Engine { get; set; } = "dockerd";

        [GlobalSetup]
        public void Setup()
        {
            var engine = BenchEngine.Named(Engine);
            _raw = RawClient.ConnectAsync(engine).GetAwaiter().GetResult();
            _dockerDotNet = new DockerDotNetClient(engine);
            _oci = OciEngineClient.ConnectAsync(engine).GetAwaiter().GetResult();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _raw.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _dockerDotNet.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _oci.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        [Benchmark(Baseline = true), BenchmarkCategory("PING")]
        public Task Ping_Raw() => _raw.PingAsync();

        [Benchmark, BenchmarkCategory("PING")]
        public Task Ping_DockerDotNet() => _dockerDotNet.PingAsync();

        [Benchmark, BenchmarkCategory("PING")]
        public Task Ping_Oci() => _oci.PingAsync();

        [Benchmark(Baseline = true), BenchmarkCategory("INSPECT")]
        public Task Inspect_Raw() => _raw.InspectAsync(BenchEngine.InspectImage);

        [Benchmark, BenchmarkCategory("INSPECT")]
        public Task Inspect_DockerDotNet() => _dockerDotNet.InspectAsync(BenchEngine.InspectImage);

        [Benchmark, BenchmarkCategory("INSPECT")]
        public Task Inspect_Oci() => _oci.InspectAsync(BenchEngine.InspectImage);

        [Benchmark(Baseline = true), BenchmarkCategory("LIST")]
        public Task List_Raw() => _raw.ListAsync();

        [Benchmark, BenchmarkCategory("LIST")]
        public Task List_DockerDotNet() => _dockerDotNet.ListAsync();

        [Benchmark, BenchmarkCategory("LIST")]
        public Task List_Oci() => _oci.ListAsync();
    }
}
