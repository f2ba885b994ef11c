using System;
using System.Threading;
using System.Threading.Tasks;
using Oci;

// Connects to an engine, pulls an image with per-layer progress, prints the result.
//   dotnet run --project samples/PullImage -- [reference] [endpoint]
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var reference = args.Length > 0 ? args[0] : "127.0.0.1:5000/small:latest";
        var endpoint = args.Length > 1 ? args[1]
            : Environment.GetEnvironmentVariable("OCI_TEST_DOCKER_HOST")
            ?? Environment.GetEnvironmentVariable("DOCKER_HOST")
            ?? "unix:///var/run/docker.sock";
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            await using var client = await OciClient.ConnectAsync("docker", endpoint, cancel.Token);
            Console.WriteLine($"Connected to {client.Connection.Engine} {client.Connection.EngineVersion} (API {client.Connection.ApiVersion}) at {client.Connection.Endpoint}");
            var response = await client.PullAsync(reference, null, new ConsoleProgress(), cancel.Token);
            var image = (OciImage)response.Data!;
            Console.WriteLine($"{response.Status}: {response.Target}");
            Console.WriteLine($"  id     {image.Id}");
            Console.WriteLine($"  digest {image.Digest}");
            Console.WriteLine($"  size   {image.Size / 1024.0 / 1024.0:0.0} MB, in {response.Duration.TotalSeconds:0.00} s");
            return 0;
        }
        catch (OciException e)
        {
            Console.Error.WriteLine($"{e.Kind}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Prints layer state changes; reported inline, so lines come in the engine's order.</summary>
    private sealed class ConsoleProgress : IProgress<OciProgress>
    {
        private string? _last;

        public void Report(OciProgress p)
        {
            var line = p.LayerId is null ? p.Status : $"{p.LayerId}: {p.Phase}";
            if (line == _last) return;
            _last = line;
            Console.WriteLine(line);
        }
    }
}
