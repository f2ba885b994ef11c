using System;

namespace Oci
{
    /// <summary>One sample of a container's resource use (STATS), as docker stats shows it.</summary>
    public sealed class OciContainerStats
    {
        public string ContainerId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        /// <summary>When the sample was taken.</summary>
        public DateTimeOffset? Read { get; init; }

        /// <summary>CPU use in percent of one CPU (200 = two CPUs busy); null when the engine's sample does not allow it.</summary>
        public double? CpuPercent { get; init; }

        /// <summary>Memory in use, in bytes (page cache not counted, as docker stats shows it).</summary>
        public long MemoryUsage { get; init; }

        /// <summary>The memory the container may use, in bytes.</summary>
        public long MemoryLimit { get; init; }

        public double MemoryPercent => MemoryLimit > 0 ? 100.0 * MemoryUsage / MemoryLimit : 0;

        /// <summary>Bytes received over the network.</summary>
        public long NetworkReceived { get; init; }

        /// <summary>Bytes sent over the network.</summary>
        public long NetworkSent { get; init; }

        public long BlockRead { get; init; }

        public long BlockWritten { get; init; }

        /// <summary>How many processes (threads) run in the container.</summary>
        public long Pids { get; init; }

        public override string ToString() => $"{Name} cpu {(CpuPercent is { } c ? c.ToString("0.00") + "%" : "-")} mem {MemoryUsage}/{MemoryLimit}";
    }
}
