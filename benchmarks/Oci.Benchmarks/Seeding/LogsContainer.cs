using System;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Seeding
{
    /// <summary>
    /// The container LOGS -Follow reads: it writes <see cref="Lines"/> numbered lines of 76 characters to stdout, then stays
    /// running, so a followed log never ends by itself and every contender stops at the last line. It must not exit while
    /// followed: Podman 4.3 cuts a followed log short when the container exits (40–70 % of the lines here, through its CLI,
    /// the docker CLI and a raw request alike).
    /// </summary>
    public static class LogsContainer
    {
        public const int Lines = 100_000;

        public const string Name = "oci-bench-logs";

        private static readonly string Script =
            "/bin/busybox awk 'BEGIN { for (i = 1; i <= " + Lines + "; i++) printf \"%06d the quick brown fox jumps over the lazy dog, line after line after line\\n\", i }'"
            + " && exec /bin/busybox sleep 86400";

        /// <summary>Starts the container on <paramref name="client"/>'s engine and waits until its last line is in the log.</summary>
        public static async Task<string> StartAsync(BenchEngine engine, OciClient client, Action<string> log)
        {
            log($"starting {Name} on {engine} ({Lines:N0} lines, then it sleeps)");
            await BenchContainers.StartAsync(client, Name, Script);
            var last = Lines.ToString("000000");
            var tail = OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, Name, new OciContainerLogOptions { Tail = 1, Stderr = false });
            await BenchContainers.WaitUntilAsync(async () =>
            {
                var lastSeen = string.Empty;
                await foreach (var line in client.StreamAsync<OciLogLine>(tail)) lastSeen = line.Text;
                return lastSeen.StartsWith(last + " ", StringComparison.Ordinal);
            }, TimeSpan.FromMinutes(5), $"{Name} to write {Lines:N0} lines");
            return Name;
        }
    }
}
