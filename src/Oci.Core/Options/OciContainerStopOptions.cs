using System;

namespace Oci
{
    /// <summary>Options of STOP and RESTART: how long the container has to stop after SIGTERM (its stop signal) before it is killed.</summary>
    public sealed class OciContainerStopOptions
    {
        /// <summary>The grace period; null = the container's own (10 s by default). Whole seconds, 0 = kill at once.</summary>
        public TimeSpan? Timeout { get; set; }
    }
}
