using System;
using System.Threading;

namespace Oci
{
    /// <summary>
    /// How to connect, beyond the endpoint: the TLS choice, the ssh settings, the environment they may be read from, and
    /// how long the engine may take to answer. Nothing here is ambient: a connect uses exactly these.
    /// </summary>
    public sealed class OciConnectOptions
    {
        /// <summary>The default <see cref="ConnectTimeout"/>: 10 seconds.</summary>
        public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

        private TimeSpan _connectTimeout = DefaultConnectTimeout;

        /// <summary>
        /// The TLS material for a <c>tcp://</c> or <c>https://</c> endpoint. When null, <see cref="TlsFromEnvironment"/>
        /// decides.
        /// </summary>
        public OciTlsSettings? Tls { get; set; }

        /// <summary>
        /// When <see cref="Tls"/> is null: true (the default) reads <c>DOCKER_TLS_VERIFY</c> / <c>DOCKER_TLS</c> and
        /// <c>DOCKER_CERT_PATH</c> from <see cref="Environment"/> as the docker CLI does; false means no TLS (plain
        /// <c>tcp://</c>; <c>https://</c> still verifies against the system's roots).
        /// </summary>
        public bool TlsFromEnvironment { get; set; } = true;

        /// <summary>
        /// How an <c>ssh://</c> endpoint is reached (key, user, ssh options, remote CLI); null = the <c>ssh</c> binary's
        /// own defaults (the user's ssh config, agent and known_hosts). Ignored for other endpoints.
        /// </summary>
        public OciSshSettings? Ssh { get; set; }

        /// <summary>
        /// Where TLS variables and files are read from, and what the <c>ssh</c> binary is found on and run with (its PATH
        /// and variables); null = <see cref="OciEnvironment.Current"/>.
        /// </summary>
        public OciEnvironment? Environment { get; set; }

        /// <summary>How long the engine may take to answer the connect (its ping). Default 10 s.</summary>
        public TimeSpan ConnectTimeout
        {
            get => _connectTimeout;
            set
            {
                if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
                    throw new OciException(OciErrorKind.InvalidArgument, $"The connect timeout must be positive; got {value}.", value.ToString());
                _connectTimeout = value;
            }
        }

        /// <summary>
        /// The TLS settings a connect to <paramref name="endpoint"/> uses: none for sockets, pipes and plain <c>http://</c>;
        /// for <c>tcp://</c> the explicit ones, else the environment's; for <c>https://</c> the same, else verification
        /// against the system's roots.
        /// </summary>
        public OciTlsSettings? TlsFor(OciEndpoint endpoint)
        {
            if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
            if (endpoint.Scheme == "http" && Tls is not null)
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"'{endpoint}' is plain HTTP, but TLS settings were given: use tcp://{endpoint.Host}:{endpoint.Port} (or https://) to connect with TLS.", endpoint.Text);
            if (!endpoint.TakesTls) return null;
            var tls = Tls ?? (TlsFromEnvironment ? OciTlsSettings.FromEnvironment(Environment ?? OciEnvironment.Current) : null);
            return tls ?? (endpoint.Scheme == "https" ? new OciTlsSettings(source: "https:// endpoint") : null);
        }

        /// <summary>A copy, so a caller's options are never changed by Oci.</summary>
        public OciConnectOptions Clone() => new()
        {
            Tls = Tls,
            Ssh = Ssh,
            TlsFromEnvironment = TlsFromEnvironment,
            Environment = Environment,
            ConnectTimeout = ConnectTimeout,
        };
    }
}
