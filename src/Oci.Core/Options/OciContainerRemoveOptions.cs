namespace Oci
{
    /// <summary>Options of REMOVE on containers.</summary>
    public sealed class OciContainerRemoveOptions
    {
        /// <summary>Remove a running container (it is killed first).</summary>
        public bool Force { get; set; }

        /// <summary>Also remove the anonymous volumes the container has.</summary>
        public bool Volumes { get; set; }
    }
}
