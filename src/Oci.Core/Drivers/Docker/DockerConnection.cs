using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using global::Docker.DotNet;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// A live link to an engine that speaks the Docker API (dockerd, or Podman's compat API): the Docker.DotNet
    /// client plus a raw transport for pings and, when the Podman driver connected, Podman's native libpod API.
    /// The handlers of both drivers serve requests over it; what differs by engine (Podman's pull stream, list
    /// filter semantics, ...) is keyed on <see cref="IsPodman"/>, what differs by driver on <see cref="Libpod"/>.
    /// </summary>
    internal sealed class DockerConnection : IOciConnection
    {
        private readonly HttpClient _raw;
        private readonly Uri _rawBase;
        private readonly Tls.TlsMaterial? _tls;
        private int _disposed;

        public DockerConnection(string driver, DockerEndpoint endpoint, DockerClient client, HttpClient raw, Uri rawBase, DockerPing ping, string engineVersion, Version apiVersion, TimeSpan requestTimeout, string? libpodApiVersion = null, string? osType = null, Tls.TlsMaterial? tls = null)
        {
            _tls = tls;
            Driver = driver;
            EndpointInfo = endpoint;
            Client = client;
            _raw = raw;
            _rawBase = rawBase;
            Engine = ping.Engine;
            IsPodman = ping.IsPodman;
            OsType = ping.OsType ?? osType; // Podman's ping has no OSType header: the version's Os stands in
            EngineVersion = engineVersion;
            Api = apiVersion;
            RequestTimeout = requestTimeout;
            Libpod = libpodApiVersion is null ? null : new Podman.LibpodApi(this, raw, rawBase, libpodApiVersion);
        }

        public string Endpoint => EndpointInfo.Display;
        public string Driver { get; }
        public string Engine { get; }
        public string EngineVersion { get; }
        public string ApiVersion => Api.ToString(2);
        public bool IsConnected => Volatile.Read(ref _disposed) == 0;

        internal DockerEndpoint EndpointInfo { get; }
        internal DockerClient Client { get; }
        internal Version Api { get; }
        internal string? OsType { get; }

        /// <summary>True when the engine is Podman (its ping announced a libpod API), whichever driver connected.</summary>
        internal bool IsPodman { get; }

        /// <summary>Podman's native API, pinned to the version its ping announced; null unless the Podman driver connected.</summary>
        internal Podman.LibpodApi? Libpod { get; }

        /// <summary>True when the engine is reached over TLS.</summary>
        internal bool IsTls => _tls is not null;

        /// <summary>How long a non-streaming call may take before it fails with Timeout.</summary>
        internal TimeSpan RequestTimeout { get; }

        /// <summary>The connection serving <paramref name="request"/>; a request bound elsewhere is refused.</summary>
        public static DockerConnection From(OciRequest request) =>
            request.Connection as DockerConnection
            ?? throw new OciException(OciErrorKind.InvalidArgument,
                request.Connection is null
                    ? $"{request.Method} needs a connection: send it through OciClient."
                    : $"{request.Method} was bound to a {request.Connection.Driver} connection, which the Docker-API drivers cannot serve.",
                request.Target);

        public Task<DockerPing> PingAsync(CancellationToken cancellationToken) =>
            DockerPing.SendAsync(_raw, _rawBase, Endpoint, _tls, RequestTimeout, cancellationToken);

        /// <summary>Runs one non-streaming engine call with the request timeout and the standard error mapping.</summary>
        public Task<T> RunAsync<T>(string what, string? target, Func<DockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
            RunAsync(Client, Endpoint, RequestTimeout, what, target, call, cancellationToken);

        /// <inheritdoc cref="RunAsync{T}(string, string?, Func{DockerClient, CancellationToken, Task{T}}, CancellationToken)"/>
        /// <remarks>Static so connecting can read the engine's version before the connection exists.</remarks>
        internal static async Task<T> RunAsync<T>(DockerClient client, string endpoint, TimeSpan timeout, string what, string? target,
            Func<DockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                return await call(client, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OciException(OciErrorKind.Timeout, $"{what} '{target}' timed out after {timeout.TotalSeconds:0} s on {endpoint}.", target, innerException: e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw DockerErrors.Map(e, what, target, endpoint);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            Client.Dispose();
            _raw.Dispose();
            _tls?.Dispose();
        }

        public override string ToString() => $"{Engine} {EngineVersion} at {Endpoint}";
    }
}
