using System;
using System.Threading;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// A connection to an engine, as Connect-OciEngine returns it and Get-OciConnection lists it. The object can be
    /// handed to other runspaces (<c>-Connection $using:c</c>) and used from several at once: the client beneath is
    /// thread-safe. It belongs to the session (runspace) that created it; Disconnect-OciEngine closes it for all.
    /// </summary>
    /// <remarks>
    /// Only strings and booleans are public: PowerShell reflects over this type when it formats or binds it, and
    /// must not need Oci.Core for that (see <see cref="DependencyLoader"/>). The client stays internal.
    /// </remarks>
    public sealed class OciConnection
    {
        private readonly object _client; // Oci.OciClient, typed as object so loading this type never loads Oci.Core
        private ConnectionStore? _owner;
        private int _closed;

        internal OciConnection(string name, OciClient client, ConnectionStore owner, string source)
        {
            Source = source;
            Name = name;
            _client = client;
            _owner = owner;
            var c = client.Connection;
            Driver = string.IsNullOrEmpty(c.Driver) ? client.Driver.Name : c.Driver;
            Endpoint = c.Endpoint.ToString();
            Tls = c.IsEncrypted;
            Engine = c.Engine;
            EngineVersion = c.EngineVersion;
            ApiVersion = c.ApiVersion;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>The session-unique name (<c>oci1</c>, ... or the -Name given).</summary>
        public string Name { get; }

        /// <summary>The driver that made the connection (<c>docker</c>).</summary>
        public string Driver { get; }

        /// <summary>The engine endpoint, normalised (<c>unix:///var/run/docker.sock</c>).</summary>
        public string Endpoint { get; }

        /// <summary>The engine product (<c>Docker</c>, <c>Podman</c>).</summary>
        public string Engine { get; }

        /// <summary>The engine's version.</summary>
        public string EngineVersion { get; }

        /// <summary>The API version requests are sent with.</summary>
        public string ApiVersion { get; }

        /// <summary>
        /// Where the endpoint came from: <c>explicit</c> (-Endpoint), <c>DOCKER_HOST</c>, <c>context 'name'</c>,
        /// <c>platform default</c>, <c>rootless docker</c>, <c>podman rootful</c>, <c>podman rootless</c>, <c>podman machine</c>.
        /// </summary>
        public string Source { get; }

        /// <summary>True when the connection is encrypted (TLS: a tcp:// endpoint with certificates, or https://).</summary>
        public bool Tls { get; }

        /// <summary>False once the connection was disconnected (here or in another runspace) or its module removed.</summary>
        public bool Connected => Volatile.Read(ref _closed) == 0 && Client.IsConnected;

        /// <summary>When the connection was made (local time).</summary>
        public DateTimeOffset ConnectedAt { get; }

        internal OciClient Client => (OciClient)_client;

        /// <summary>Closes the client and drops the connection from its session. Safe to call any number of times, from any thread.</summary>
        internal void Close()
        {
            Interlocked.Exchange(ref _owner, null)?.Remove(this);
            if (Interlocked.Exchange(ref _closed, 1) == 0)
                Client.Dispose();
        }

        public override string ToString() => $"{Name} ({Driver} {Endpoint})";
    }
}
