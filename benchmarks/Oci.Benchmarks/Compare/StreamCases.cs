using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// Streams at the engine's pace against the docker CLI: <c>LOGS -Follow</c> of a container printing 100k lines, and a
    /// 1 GB <c>SAVE</c>. Each case runs once its method is on the driver; until then the report says what it waits for.
    /// To add one: a (kind, method, what) line in <see cref="Pending"/> while it waits, then a timed case beside
    /// <see cref="PullCases"/> (OciClient's stream read to its end against the CLI's command, interleaved).
    /// </summary>
    public static class StreamCases
    {
        private static readonly (OciKind Kind, string Method, string What, string Issue)[] Pending =
        {
            (OciKind.Container, "LOGS", "LOGS -Follow of 100k lines vs docker logs -f", "issue 9"),
            (OciKind.Image, "SAVE", "SAVE of 1 GB vs docker save", "issue 10"),
        };

        public static async Task RunAsync(BenchEngine engine, Report report)
        {
            await using var oci = await OciEngineClient.ConnectAsync(engine);
            foreach (var (kind, method, what, issue) in Pending)
            {
                report.Target(what, engine.Name,
                    oci.Client.Supports(kind, method)
                        ? $"{method} {kind.ToString().ToUpperInvariant()} is served now: add its timed case (benchmarks/Oci.Benchmarks/Compare/StreamCases.cs)"
                        : $"not measured: the driver does not serve {method} {kind.ToString().ToUpperInvariant()} yet ({issue})",
                    "≤ 1.0×, flat memory", null);
            }
        }
    }
}
