using System;
using System.Threading;

namespace Oci
{
    /// <summary>Options of endpoint discovery (<see cref="OciEngines.ConnectAsync(OciDiscoveryOptions?, CancellationToken)"/>).</summary>
    public sealed class OciDiscoveryOptions
    {
        /// <summary>The default <see cref="ProbeTimeout"/>: 2 seconds.</summary>
        public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

        /// <summary>The default <see cref="ConnectTimeout"/>: 15 seconds.</summary>
        public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

        private TimeSpan _probeTimeout = DefaultProbeTimeout;
        private TimeSpan _connectTimeout = DefaultConnectTimeout;

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

        /// <summary>How long a candidate may take to answer the ping before the next is tried. Default 2 s.</summary>
        public TimeSpan ProbeTimeout
        {
            get => _probeTimeout;
            set => _probeTimeout = Positive(value, "probe timeout");
        }

        /// <summary>
        /// How long connecting may take once the engine answered the ping (the driver learns the engine's version
        /// and API; Podman takes a few hundred milliseconds). Default 15 s.
        /// </summary>
        public TimeSpan ConnectTimeout
        {
            get => _connectTimeout;
            set => _connectTimeout = Positive(value, "connect timeout");
        }

        /// <summary>Where variables and files are read from; null = <see cref="OciEnvironment.Current"/>.</summary>
        public OciEnvironment? Environment { get; set; }

        private static TimeSpan Positive(TimeSpan value, string what)
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
                throw new OciException(OciErrorKind.InvalidArgument, $"The {what} must be positive; got {value}.", value.ToString());
            return value;
        }

        /// <summary>Test hook: finds a registered driver by name (default: <see cref="OciDrivers.TryGet"/>).</summary>
        internal Func<string, IOciDriver?>? DriverLookup { get; set; }
    }
}
