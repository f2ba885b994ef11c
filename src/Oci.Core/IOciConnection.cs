using System;

namespace Oci
{
    /// <summary>The live link to one engine, with what was learned about it at connect time.</summary>
    public interface IOciConnection : IAsyncDisposable, IDisposable
    {
        /// <summary>The endpoint as connected (its string form is normalised, e.g. <c>unix:///var/run/docker.sock</c>).</summary>
        OciEndpoint Endpoint { get; }

        /// <summary>The name of the driver that made this connection.</summary>
        string Driver { get; }

        /// <summary>The engine product (<c>Docker</c>, <c>Podman</c>, ...).</summary>
        string Engine { get; }

        /// <summary>The engine's own version.</summary>
        string EngineVersion { get; }

        /// <summary>The API version requests are sent with.</summary>
        string ApiVersion { get; }

        /// <summary>True when what crosses the connection is encrypted (TLS, ssh); registry credentials may cross it.</summary>
        bool IsEncrypted { get; }

        /// <summary>False once the connection has been disposed.</summary>
        bool IsConnected { get; }
    }
}
