using System;
using System.Collections.Generic;
using System.Threading;

namespace Oci
{
    /// <summary>Options of endpoint discovery (<see cref="OciEngines.ConnectAsync(OciDiscoveryOptions?, CancellationToken)"/>).</summary>
    public sealed class OciDiscoveryOptions
    {
        /// <summary>The default <see cref="ConnectTimeout"/>: <see cref="OciConnectOptions.DefaultConnectTimeout"/> (10 s).</summary>
        public static readonly TimeSpan DefaultConnectTimeout = OciConnectOptions.DefaultConnectTimeout;

        /// <summary>What part of <see cref="ConnectTimeout"/> a discovered local place gets (<see cref="ProbeTimeout"/>): a fifth.</summary>
        public const int ProbeShare = 5;

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
        /// The connect timeout (<see cref="OciConnectOptions.ConnectTimeout"/>, <c>Connect-OciEngine -Timeout</c>): how long
        /// the explicit endpoint (<see cref="Endpoint"/>) and <c>ssh://</c> places may take to answer. Default 10 s; more
        /// than 0 and at most <see cref="OciLimits.MaxTimeout"/>.
        /// </summary>
        public TimeSpan ConnectTimeout
        {
            get => _connectTimeout;
            set => _connectTimeout = OciLimits.CheckTimeout(value, "connect timeout");
        }

        /// <summary>
        /// How long a discovered place other than <c>ssh://</c> (a socket, a pipe, a DOCKER_HOST) may take to answer its
        /// ping before the next is tried: <see cref="ConnectTimeout"/> / <see cref="ProbeShare"/> (2 s of the default 10 s),
        /// derived so there is one timeout to set. A local engine that accepts answers its ping within milliseconds; a
        /// dead place must not hold up the ones after it. <c>ssh://</c> places get the whole connect timeout: their
        /// handshake is a network round trip and a process start.
        /// </summary>
        public TimeSpan ProbeTimeout => TimeSpan.FromTicks(ConnectTimeout.Ticks / ProbeShare);

        /// <summary>The rungs after the explicit endpoint, in order; null = <see cref="OciEndpointDiscovery.DefaultProviders"/>.</summary>
        public IReadOnlyList<OciEndpointProvider>? Providers { get; set; }

        /// <summary>Where variables and files are read from; null = <see cref="OciEnvironment.Current"/>.</summary>
        public OciEnvironment? Environment { get; set; }

        /// <summary>The drivers discovery chooses among, in order of preference on a tie; null = every registered driver (<see cref="OciDrivers.All"/>).</summary>
        public IReadOnlyList<IOciDriver>? Drivers { get; set; }
    }
}
