using System;
using System.Collections.Generic;
using System.Threading;

namespace Oci
{
    /// <summary>Options of endpoint discovery (<see cref="OciEngines.ConnectAsync(OciDiscoveryOptions?, CancellationToken)"/>).</summary>
    public sealed class OciDiscoveryOptions
    {
        /// <summary>The default <see cref="ProbeTimeout"/>: 2 seconds.</summary>
        public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

        /// <summary>The default <see cref="ConnectTimeout"/>: <see cref="OciConnectOptions.DefaultConnectTimeout"/>.</summary>
        public static readonly TimeSpan DefaultConnectTimeout = OciConnectOptions.DefaultConnectTimeout;

        private TimeSpan _probeTimeout = DefaultProbeTimeout;
        private TimeSpan _connectTimeout = DefaultConnectTimeout;

        /// <summary>
        /// An explicit endpoint (<c>-Endpoint</c>). When set it is the only candidate, as <c>docker -H</c> is,
        /// unless <see cref="FallBack"/> is true.
        /// </summary>
        public string? Endpoint { get; set; }

        /// <summary>TLS settings for <see cref="Endpoint"/> (<c>-CertificatePath</c>); overrides <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c> for it.</summary>
        public OciTlsSettings? Tls { get; set; }

        /// <summary>
        /// ssh settings for every <c>ssh://</c> place tried, explicit or discovered (<c>-KeyFilePath</c>, <c>-Credential</c>,
        /// <c>-SshOption</c>); each value set here wins over what a place brings (<c>CONTAINER_SSHKEY</c>, a Podman
        /// connection's identity). Null: each place's own, else the ssh binary's defaults.
        /// </summary>
        public OciSshSettings? Ssh { get; set; }

        /// <summary>When true and <see cref="Endpoint"/> does not answer, go on down the rest of the discovery order.</summary>
        public bool FallBack { get; set; }

        /// <summary>
        /// The driver to connect with (<c>-Driver</c>). Null: the registered driver that serves what answered best
        /// (<see cref="IOciDriver.Serves"/>: the podman driver for Podman, the docker driver for other Docker-API engines).
        /// </summary>
        public string? Driver { get; set; }

        /// <summary>
        /// How long a discovered candidate may take to answer its probe before the next is tried. Default 2 s. An
        /// <c>ssh://</c> candidate gets <see cref="ConnectTimeout"/> instead: its handshake is a network round trip and a
        /// process start, not a local ping.
        /// </summary>
        public TimeSpan ProbeTimeout
        {
            get => _probeTimeout;
            set => _probeTimeout = Positive(value, "probe timeout");
        }

        /// <summary>How long the explicit endpoint (<see cref="Endpoint"/>) and ssh:// candidates may take to answer. Default 10 s, as <see cref="OciClient"/>.</summary>
        public TimeSpan ConnectTimeout
        {
            get => _connectTimeout;
            set => _connectTimeout = Positive(value, "connect timeout");
        }

        /// <summary>The rungs after the explicit endpoint, in order; null = <see cref="OciEndpointDiscovery.DefaultProviders"/>.</summary>
        public IReadOnlyList<OciEndpointProvider>? Providers { get; set; }

        /// <summary>Where variables and files are read from; null = <see cref="OciEnvironment.Current"/>.</summary>
        public OciEnvironment? Environment { get; set; }

        private static TimeSpan Positive(TimeSpan value, string what)
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
                throw new OciException(OciErrorKind.InvalidArgument, $"The {what} must be positive; got {value}.", value.ToString());
            return value;
        }

        /// <summary>The drivers discovery chooses among, in order of preference on a tie; null = every registered driver (<see cref="OciDrivers.All"/>).</summary>
        public IReadOnlyList<IOciDriver>? Drivers { get; set; }
    }
}
