using System.Threading.Tasks;

namespace Oci.Benchmarks.Clients
{
    /// <summary>Oci.Core as a C# program uses it: one <see cref="OciClient"/> per engine, a request per call.</summary>
    public sealed class OciEngineClient : IEngineClient
    {
        private OciEngineClient(OciClient client)
        {
            Client = client;
        }

        public string Name => "OciClient";

        public OciClient Client { get; }

        public static async Task<OciEngineClient> ConnectAsync(BenchEngine engine) =>
            new(await OciClient.ConnectAsync(engine.Driver, engine.Endpoint));

        public Task PingAsync() => Client.ExecuteAsync(new OciRequest(OciMethods.Ping));

        public Task InspectAsync(string image) => Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, image));

        public Task ListAsync() => Client.ExecuteAsync(new OciRequest(OciMethods.List));

        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }
}
