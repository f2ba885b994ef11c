using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>Streams at the engine's pace against the CLIs, with their memory: <see cref="LogsCase"/> and <see cref="SaveCase"/>.</summary>
    public static class StreamCases
    {
        public static async Task RunAsync(BenchEngine engine, Options o, PwshHost pwsh, Report report)
        {
            if (!Processes.HasDockerCli)
            {
                report.Note($"streams on {engine}: no docker CLI at {Processes.DockerCli}, not measured");
                return;
            }
            await using var oci = await OciEngineClient.ConnectAsync(engine);
            await LogsCase.RunAsync(engine, o, oci.Client, pwsh, report);
            await SaveCase.RunAsync(engine, o, oci.Client, report);
        }
    }
}
