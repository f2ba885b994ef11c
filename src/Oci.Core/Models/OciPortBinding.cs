namespace Oci
{
    /// <summary>A published port: a container port reachable at a host port (asked for in <see cref="OciContainerSpec.Ports"/>).</summary>
    public sealed class OciPortBinding
    {
        /// <summary>The port inside the container.</summary>
        public int ContainerPort { get; set; }

        /// <summary>The host port; 0 = one the engine chooses.</summary>
        public int HostPort { get; set; }

        /// <summary>The host address to listen on; null = all.</summary>
        public string? HostIp { get; set; }

        /// <summary><c>tcp</c> (default), <c>udp</c> or <c>sctp</c>.</summary>
        public string Protocol { get; set; } = "tcp";

        /// <summary>As docker ps shows it: <c>127.0.0.1:8080-&gt;80/tcp</c>.</summary>
        public override string ToString() =>
            (string.IsNullOrEmpty(HostIp) ? string.Empty : HostIp + ":") + HostPort + "->" + ContainerPort + "/" + Protocol;
    }
}
