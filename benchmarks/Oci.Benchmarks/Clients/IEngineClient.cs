using System;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Clients
{
    /// <summary>One way of asking an engine the benchmarked questions; each contender (raw HTTP, Docker.DotNet, Oci) implements it.</summary>
    public interface IEngineClient : IAsyncDisposable
    {
        string Name { get; }

        Task PingAsync();

        Task InspectAsync(string image);

        /// <summary>Lists the images (all of them: the seeded 1,000 and the test images).</summary>
        Task ListAsync();
    }
}
