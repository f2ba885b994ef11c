using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>STATS: one sample, computed as docker stats computes it (CPU over the engine's last interval, memory without page cache).</summary>
    internal static class DockerStatsHandler
    {
        public static async Task<OciResponse> StatsAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            var s = await c.Http.GetJsonAsync("containers/" + id + "/stats?stream=false", DockerContainerJson.Default.StatsDto, cancellationToken).ConfigureAwait(false);
            var memory = s.MemoryStats ?? new MemoryStatsDto();
            var blkio = s.BlkioStats?.IoServiceBytesRecursive ?? new System.Collections.Generic.List<BlkioEntryDto>();
            var networks = s.Networks?.Values.ToList() ?? new System.Collections.Generic.List<NetworkStatsDto>();
            return OciResponse.For(request, new OciContainerStats
            {
                ContainerId = s.Id ?? string.Empty,
                Name = ContainerTarget.Bare(s.Name),
                Read = DockerContainerModels.Time(s.Read),
                CpuPercent = CpuPercent(s.CpuStats, s.PreCpuStats),
                MemoryUsage = (long)MemoryWithoutCache(memory),
                MemoryLimit = (long)memory.Limit,
                NetworkReceived = (long)networks.Aggregate(0UL, (sum, n) => sum + n.RxBytes),
                NetworkSent = (long)networks.Aggregate(0UL, (sum, n) => sum + n.TxBytes),
                BlockRead = (long)blkio.Where(b => string.Equals(b.Op, "read", StringComparison.OrdinalIgnoreCase)).Aggregate(0UL, (sum, b) => sum + b.Value),
                BlockWritten = (long)blkio.Where(b => string.Equals(b.Op, "write", StringComparison.OrdinalIgnoreCase)).Aggregate(0UL, (sum, b) => sum + b.Value),
                Pids = (long)(s.PidsStats?.Current ?? 0),
            }, target: request.Target);
        }

        /// <summary>The CPU share over the sample's interval, in percent of one CPU; null without a previous sample to compare with.</summary>
        internal static double? CpuPercent(CpuStatsDto? now, CpuStatsDto? before)
        {
            if (now?.CpuUsage is null || before?.CpuUsage is null || before.SystemCpuUsage == 0) return null;
            var cpu = (double)now.CpuUsage.TotalUsage - before.CpuUsage.TotalUsage;
            var system = (double)now.SystemCpuUsage - before.SystemCpuUsage;
            double cpus = now.OnlineCpus > 0 ? now.OnlineCpus : now.CpuUsage.PercpuUsage?.Count ?? 1;
            return system > 0 && cpu >= 0 ? cpu / system * cpus * 100.0 : 0.0;
        }

        // docker stats leaves the page cache out: cgroup v1's total_inactive_file, v2's inactive_file.
        private static ulong MemoryWithoutCache(MemoryStatsDto memory)
        {
            var stats = memory.Stats;
            if (stats is not null && (stats.TryGetValue("total_inactive_file", out var cache) || stats.TryGetValue("inactive_file", out cache)) && cache < memory.Usage)
                return memory.Usage - cache;
            return memory.Usage;
        }
    }
}
