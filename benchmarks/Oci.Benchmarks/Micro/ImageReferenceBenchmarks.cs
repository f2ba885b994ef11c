using BenchmarkDotNet.Attributes;

namespace Oci.Benchmarks.Micro
{
    /// <summary><see cref="ImageReference.Parse"/> on the shapes engines answer with and users type.</summary>
    [MemoryDiagnoser]
    [SimpleJob(warmupCount: 3, iterationCount: 10)]
    public class ImageReferenceBenchmarks
    {
        [Params(
            "alpine",
            "127.0.0.1:5000/small:1.0",
            "docker.io/library/alpine:3.20",
            "ghcr.io/org/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        public string Reference { get; set; } = "alpine";

        [Benchmark]
        public ImageReference Parse() => ImageReference.Parse(Reference);

        [Benchmark]
        public string ParseToFamiliar() => ImageReference.Parse(Reference).ToFamiliarString();
    }
}
