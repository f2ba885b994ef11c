using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tls;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// A live link to an engine that speaks the Docker API: the pooled transport the probe opened, the API version
    /// its ping announced (capped at what the driver models), and what the ping said about the engine. Public only so
    /// drivers can name it as their connection type; everything but <see cref="IOciConnection"/> is internal.
    /// </summary>
    public class DockerConnection : IOciConnection
    {
        private readonly TlsMaterial? _tls;
        private readonly Uri _pingUri;
        private int _disposed;

        internal DockerConnection(string driver, DockerProbeResult answer, TimeSpan requestTimeout)
        {
            Endpoint = answer.Endpoint;
            Driver = driver;
            Engine = answer.Engine;
            EngineVersion = answer.EngineVersion;
            IsEncrypted = answer.IsEncrypted;
            OsType = answer.OsType;
            Properties = answer.Properties;
            Api = DockerApi.Negotiate(answer.ApiVersion);
            Ssh = answer.Ssh;
            var (http, tls) = answer.TakeOver();
            _tls = tls;
            Http = new EngineHttp(http, "v" + Api.ToString(2) + "/", requestTimeout);
            _pingUri = DockerApiProbe.PingUri(http);
        }

        public OciEndpoint Endpoint { get; }
        public string Driver { get; }
        public string Engine { get; }
        public string EngineVersion { get; internal set; }
        public string ApiVersion => Api.ToString(2);
        public bool IsEncrypted { get; }
        public bool IsConnected => Volatile.Read(ref _disposed) == 0;

        /// <summary>The Docker API under its version prefix (<c>v1.41/</c>).</summary>
        internal EngineHttp Http { get; }

        internal Version Api { get; }

        /// <summary>The engine's OS (<c>linux</c>, <c>windows</c>) as its ping said.</summary>
        internal string? OsType { get; }

        /// <summary>The ping's headers.</summary>
        internal IReadOnlyDictionary<string, string> Properties { get; }

        /// <summary>The ssh dialer of an ssh:// connection, for the streams it opens outside the HTTP pool (EXEC); null otherwise.</summary>
        internal Transport.Ssh.SshDialer? Ssh { get; }

        /// <summary>The TLS material, to explain a failure over TLS.</summary>
        internal TlsMaterial? Tls => _tls;

        /// <summary>Pings again (PING): the API version and OS the engine announces, and the round trip.</summary>
        internal Task<(string? ApiVersion, string? OsType, TimeSpan RoundTrip)> PingAsync(CancellationToken cancellationToken) =>
            DockerApiProbe.PingAsync(Http.Client, _pingUri, Endpoint, _tls, Http.RequestTimeout, ReadPing, cancellationToken);

        private static (string?, string?, TimeSpan) ReadPing(HttpResponseHeaders headers, TimeSpan roundTrip) =>
            (DockerApiProbe.Header(headers, "Api-Version"), DockerApiProbe.Header(headers, "OSType"), roundTrip);

        /// <summary>
        /// The image <paramref name="name"/> (a normalised reference or an id), reported as <paramref name="reference"/>
        /// (null when asked by id), with <paramref name="digest"/> when already known. Engines with a better source of an
        /// image's own digest override this.
        /// </summary>
        internal virtual async Task<OciImage> InspectImageAsync(string name, string? reference, string? digest, CancellationToken cancellationToken)
        {
            var r = await Http.GetJsonAsync("images/" + name + "/json", DockerJson.Default.ImageInspectDto, cancellationToken).ConfigureAwait(false);
            return DockerModels.ToImage(r, reference, digest);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            Http.Client.Dispose();
            _tls?.Dispose();
        }

        public override string ToString() => $"{Engine} {EngineVersion} at {Endpoint}";
    }
}
