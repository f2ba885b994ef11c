using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// One rung of the discovery order: reads the environment (variables, files) and returns the places an engine may
    /// answer, with their TLS settings and where they were found, as data. Nothing is contacted. Discovery asks the
    /// providers in order (<see cref="OciDiscoveryOptions.Providers"/>, default <see cref="OciEndpointDiscovery.DefaultProviders"/>).
    /// </summary>
    public abstract class OciEndpointProvider
    {
        /// <summary>The rung this provider stands for.</summary>
        public abstract OciEndpointSource Source { get; }

        /// <summary>The candidates this rung finds in <paramref name="environment"/>, in order; empty when it finds none.</summary>
        public abstract IEnumerable<OciEndpointCandidate> GetCandidates(OciEnvironment environment);

        public override string ToString() => Source.ToString();
    }
}
