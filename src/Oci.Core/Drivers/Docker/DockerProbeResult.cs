using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Oci.Tls;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// What answered <c>GET /_ping</c> on a Docker-API endpoint: identity and versions come in its headers
    /// (<c>Api-Version</c>, <c>Server: Docker/20.10.24 (linux)</c> or <c>Libpod/4.3.1 (linux)</c>, <c>Libpod-Api-Version</c>,
    /// <c>OSType</c>). Holds the transport and TLS material the ping went over until a connection takes them.
    /// </summary>
    internal sealed class DockerProbeResult : OciProbeResult
    {
        /// <summary>The header Podman announces its native API version in; its presence says the engine is Podman.</summary>
        public const string LibpodApiVersionHeader = "Libpod-Api-Version";

        private readonly Dictionary<string, string> _headers;
        private HttpClient? _http;
        private TlsMaterial? _tls;

        public DockerProbeResult(IOciProbe probe, OciEndpoint endpoint, OciConnectOptions options, HttpClient http, TlsMaterial? tls,
            Dictionary<string, string> headers, TimeSpan roundTrip, Transport.Ssh.SshDialer? ssh = null)
            : base(probe, endpoint, options)
        {
            _http = http;
            Ssh = ssh;
            _tls = tls;
            _headers = headers;
            RoundTrip = roundTrip;
            var server = Header("Server");
            LibpodApiVersion = Header(LibpodApiVersionHeader);
            Engine = LibpodApiVersion is not null ? "Podman" : "Docker";
            // "Docker/20.10.24+dfsg1 (linux)", "Libpod/4.3.1 (linux)": the product's version, and its OS in brackets.
            if (server is not null)
            {
                var slash = server.IndexOf('/');
                var space = server.IndexOf(' ');
                if (slash > 0) EngineVersion = space > slash ? server.Substring(slash + 1, space - slash - 1) : server.Substring(slash + 1);
                var open = server.IndexOf('(');
                var close = server.IndexOf(')');
                if (open > 0 && close > open) ServerOs = server.Substring(open + 1, close - open - 1);
            }
        }

        public override string Engine { get; }

        /// <summary>The ssh dialer of an ssh:// endpoint (the connection opens streams of its own with it: EXEC); null otherwise.</summary>
        public Transport.Ssh.SshDialer? Ssh { get; }

        public override string EngineVersion { get; } = string.Empty;

        public override string ApiVersion => Header("Api-Version") ?? string.Empty;

        // ssh encrypts everything it carries, as TLS does.
        public override bool IsEncrypted => _tls is not null || Endpoint.Scheme == "https" || Endpoint.IsSsh;

        public override IReadOnlyDictionary<string, string> Properties => _headers;

        /// <summary>The libpod API version Podman announced; null for any other engine.</summary>
        public string? LibpodApiVersion { get; }

        /// <summary>The engine's OS: the ping's <c>OSType</c>, else the <c>Server</c> header's (Podman sends no OSType).</summary>
        public string? OsType => Header("OSType") ?? ServerOs;

        private string? ServerOs { get; }

        /// <summary>The TLS material the ping used (null for plain connections).</summary>
        public TlsMaterial? Tls => _tls;

        /// <summary>Hands the transport and TLS material to a connection; the probe result no longer owns them.</summary>
        public (HttpClient Http, TlsMaterial? Tls) TakeOver()
        {
            var http = Interlocked.Exchange(ref _http, null) ?? throw new ObjectDisposedException(nameof(DockerProbeResult), "This probe answer was already taken over or disposed.");
            return (http, Interlocked.Exchange(ref _tls, null));
        }

        public override void Dispose()
        {
            Interlocked.Exchange(ref _http, null)?.Dispose();
            Interlocked.Exchange(ref _tls, null)?.Dispose();
        }

        private string? Header(string name) => _headers.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
    }
}
