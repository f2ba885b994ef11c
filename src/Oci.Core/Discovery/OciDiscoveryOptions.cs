using System;
using System.Threading;

namespace Oci
{
    /// <summary>Options of endpoint discovery (<see cref="OciEngines.ConnectAsync(OciDiscoveryOptions?, CancellationToken)"/>).</summary>
    public sealed class OciDiscoveryOptions
    {
        /// <summary>The default <see cref="ProbeTimeout"/>: 2 seconds.</summary>
        public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

        private TimeSpan _probeTimeout = DefaultProbeTimeout;

        /// <summary>
        /// An explicit endpoint (<c>-Endpoint</c>). When set it is the only candidate, as <c>docker -H</c> is,
        /// unless <see cref="FallBack"/> is true.
        /// </summary>
        public string? Endpoint { get; set; }

        /// <summary>TLS settings for <see cref="Endpoint"/> (<c>-CertificatePath</c>); overrides <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c> for it.</summary>
        public OciTlsSettings? Tls { get; set; }

        /// <summary>When true and <see cref="Endpoint"/> does not answer, go on down the rest of the discovery order.</summary>
        public bool FallBack { get; set; }

        /// <summary>
        /// The driver to connect with (<c>-Driver</c>). Null: chosen by what answers — the <c>docker</c> driver,
        /// or the <c>podman</c> driver when the engine is Podman and such a driver is registered.
        /// </summary>
        public string? Driver { get; set; }

        /// <summary>How long one candidate may take to connect (ping and version) before the next is tried. Default 2 s.</summary>
        public TimeSpan ProbeTimeout
        {
            get => _probeTimeout;
            set
            {
                if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
                    throw new OciException(OciErrorKind.InvalidArgument, $"The probe timeout must be positive; got {value}.", value.ToString());
                _probeTimeout = value;
            }
        }

        /// <summary>Where variables and files are read from; null = <see cref="OciEnvironment.Current"/>.</summary>
        public OciEnvironment? Environment { get; set; }

        /// <summary>Test hook: finds a registered driver by name (default: <see cref="OciDrivers.TryGet"/>).</summary>
        internal Func<string, IOciDriver?>? DriverLookup { get; set; }
    }
}
