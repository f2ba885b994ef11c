using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Compare
{
    /// <summary>Memory over many requests through one OciClient (64 at a time): the managed heap after a full collection, every tenth of the way.</summary>
    public static class MemoryCase
    {
        public static async Task RunAsync(BenchEngine engine, Options o, Report report)
        {
            await using var oci = await OciEngineClient.ConnectAsync(engine);
            var step = o.MemoryRequests / 10;
            var heap = new List<long>();
            for (var i = 0; i < 10; i++)
            {
                await Timing.ConcurrentAsync(() => i % 2 == 0 ? oci.PingAsync() : oci.InspectAsync(BenchEngine.InspectImage), o.Concurrency, step);
                heap.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
            // From the first tenth on (connections, caches and tiered code are in place by then) to the end.
            var growth = heap[^1] - heap[0];
            var max = heap.Max() - heap[0];
            report.Target($"memory over {o.MemoryRequests:N0} requests (PING and INSPECT, {o.Concurrency}-way)", engine.Name,
                $"heap {Report.Bytes(heap[0])} after {step:N0}, {Report.Bytes(heap[^1])} at the end ({(growth >= 0 ? "+" : "-")}{Report.Bytes(Math.Abs(growth))}; most +{Report.Bytes(Math.Max(max, 0))})",
                "flat", growth < 512 * 1024);
        }
    }
}
