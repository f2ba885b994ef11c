using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// What answered a probe: the engine's identity, and whatever the probe opened to ask (a transport, TLS
    /// material), which the driver that connects takes over, so connecting costs no second round trip. Dispose it
    /// when no driver takes it.
    /// </summary>
    public abstract class OciProbeResult : IDisposable
    {
        protected OciProbeResult(IOciProbe probe, OciEndpoint endpoint, OciConnectOptions options)
        {
            Probe = probe ?? throw new ArgumentNullException(nameof(probe));
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>The probe that asked.</summary>
        public IOciProbe Probe { get; }

        /// <summary>The endpoint that answered.</summary>
        public OciEndpoint Endpoint { get; }

        /// <summary>The options the probe was made with (the connection keeps them).</summary>
        public OciConnectOptions Options { get; }

        /// <summary>The engine product (<c>Docker</c>, <c>Podman</c>, ...).</summary>
        public abstract string Engine { get; }

        /// <summary>The engine's own version, when it said.</summary>
        public abstract string EngineVersion { get; }

        /// <summary>The API version the engine announced.</summary>
        public abstract string ApiVersion { get; }

        /// <summary>True when the answer came over an encrypted transport (TLS, ssh).</summary>
        public abstract bool IsEncrypted { get; }

        /// <summary>How long the round trip took.</summary>
        public TimeSpan RoundTrip { get; protected set; }

        /// <summary>What else the engine said about itself (for a Docker-API engine, its ping headers), for drivers to judge it by.</summary>
        public abstract IReadOnlyDictionary<string, string> Properties { get; }

        /// <summary>Releases what the probe opened, unless a connection took it over.</summary>
        public abstract void Dispose();

        public override string ToString() => $"{Engine} {EngineVersion} (API {ApiVersion}) at {Endpoint}".Replace("  ", " ");
    }
}
