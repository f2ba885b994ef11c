using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Oci.Drivers
{
    /// <summary>
    /// Registers the built-in drivers when Oci.Core loads, through the same public <see cref="OciDrivers.Register"/> an
    /// adapter uses: the registry itself names no driver. Docker first: of two drivers serving an engine equally well,
    /// the first registered wins.
    /// </summary>
    internal static class BuiltInDrivers
    {
        [ModuleInitializer]
        [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
            Justification = "Built-in drivers must be registered before any lookup, without the registry naming them.")]
        internal static void Register()
        {
            OciDrivers.Register(new Docker.DockerDriver());
            OciDrivers.Register(new Podman.PodmanDriver());
        }
    }
}
