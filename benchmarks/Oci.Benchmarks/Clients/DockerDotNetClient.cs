using System;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Oci.Benchmarks.Clients
{
    /// <summary>The pinned Docker.DotNet.Enhanced, as a program would use it: its own unix-socket transport and models.</summary>
    public sealed class DockerDotNetClient : IEngineClient
    {
        private readonly DockerClient _client;

        public DockerDotNetClient(BenchEngine engine)
        {
            _client = new DockerClientBuilder().WithEndpoint(new Uri(engine.Endpoint)).Build();
        }

        public string Name => "Docker.DotNet";

        public Task PingAsync() => _client.System.PingAsync();

        public Task InspectAsync(string image) => _client.Images.InspectImageAsync(image);

        public Task ListAsync() => _client.Images.ListImagesAsync(new ImagesListParameters());

        public ValueTask DisposeAsync()
        {
            _client.Dispose();
            return default;
        }
    }
}
