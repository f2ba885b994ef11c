using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// Finds out what answers at an endpoint, in one round trip. Drivers that speak one protocol share one probe
    /// (<see cref="IOciDriver.Probe"/>), so discovery asks each endpoint once and then lets the drivers of that
    /// protocol say which of them serves what answered (<see cref="IOciDriver.Serves"/>).
    /// </summary>
    public interface IOciProbe
    {
        /// <summary>True when this probe can reach <paramref name="endpoint"/> at all (its scheme), without contacting it.</summary>
        bool CanProbe(OciEndpoint endpoint);

        /// <summary>
        /// Contacts <paramref name="endpoint"/> within <see cref="OciConnectOptions.ConnectTimeout"/>. An endpoint where
        /// nothing answers is <see cref="OciErrorKind.EngineUnavailable"/>; bad TLS files are InvalidArgument.
        /// </summary>
        Task<OciProbeResult> ProbeAsync(OciEndpoint endpoint, OciConnectOptions options, CancellationToken cancellationToken);
    }
}
