using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>
    /// The test bed's TLS listener (eng/engines.sh: dockerd on tcp://127.0.0.1:2376 with --tlsverify) and its PEM
    /// directories: <c>client</c> (signed by dockerd's CA, RSA PKCS#1 key), <c>client-ec</c> (same CA, EC key) and
    /// <c>other</c> (an unrelated CA and a client it signed).
    /// </summary>
    internal static class TlsTestBed
    {
        public static string Host => Env("OCI_TEST_DOCKER_TLS_HOST", "tcp://127.0.0.1:2376");
        public static string ClientDir => Env("OCI_TEST_TLS_CERT_PATH", Path.Combine(Root, "tls", "client"));
        public static string EcClientDir => Env("OCI_TEST_TLS_EC_CERT_PATH", Path.Combine(Root, "tls", "client-ec"));
        public static string OtherDir => Env("OCI_TEST_TLS_OTHER_CERT_PATH", Path.Combine(Root, "tls", "other"));
        public static string ServerCertificate => Path.Combine(Root, "tls", "server", "cert.pem");

        private static string Root => Env("OCI_TESTBED_DIR", "/tmp/oci-testbed");

        public static string Ca(string dir) => Path.Combine(dir, "ca.pem");
        public static string Cert(string dir) => Path.Combine(dir, "cert.pem");
        public static string Key(string dir) => Path.Combine(dir, "key.pem");

        /// <summary>The right client: dockerd's CA, a client certificate it signed.</summary>
        public static OciTlsSettings Good(bool verify = true) => OciTlsSettings.FromDirectory(ClientDir, verify);

        public static OciConnectOptions Options(OciTlsSettings tls, TimeSpan? timeout = null) => new() { Tls = tls, ConnectTimeout = timeout ?? TimeSpan.FromSeconds(10) };

        /// <summary>The host:port of <see cref="Host"/>.</summary>
        public static IPEndPoint EndPoint
        {
            get
            {
                var uri = new Uri(Host.Replace("tcp://", "http://"));
                return new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port);
            }
        }

        public static void RequireFiles()
        {
            foreach (var f in new[] { Ca(ClientDir), Cert(ClientDir), Key(ClientDir), Ca(OtherDir), Cert(OtherDir), Key(OtherDir), Cert(EcClientDir), Key(EcClientDir) })
                if (!File.Exists(f)) throw new InvalidOperationException($"The test bed's TLS material is missing ({f}). Run: bash eng/engines.sh up");
        }

        private static string Env(string name, string fallback)
        {
            var v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? fallback : v!;
        }
    }

    /// <summary>
    /// A TCP forwarder to the TLS listener that accepts on another loopback address (127.0.0.2), so a client reaches
    /// dockerd under a name its certificate does not carry.
    /// </summary>
    internal sealed class TcpForwarder : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();

        public TcpForwarder(IPAddress listenOn, IPEndPoint target)
        {
            _listener = new TcpListener(listenOn, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoop(target);
        }

        public int Port { get; }

        private async Task AcceptLoop(IPEndPoint target)
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient inbound;
                try { inbound = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch { return; }
                _ = Task.Run(async () =>
                {
                    using var a = inbound;
                    using var b = new TcpClient();
                    try
                    {
                        await b.ConnectAsync(target.Address, target.Port, _stop.Token);
                        var one = a.GetStream().CopyToAsync(b.GetStream(), _stop.Token);
                        var two = b.GetStream().CopyToAsync(a.GetStream(), _stop.Token);
                        await Task.WhenAny(one, two);
                    }
                    catch
                    {
                        // a closed side ends the forward
                    }
                });
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }

    /// <summary>A TCP port that accepts connections and never says a word: only a timeout ends a TLS handshake with it.</summary>
    internal sealed class SilentPort : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly System.Collections.Concurrent.ConcurrentBag<TcpClient> _held = new();
        private readonly CancellationTokenSource _stop = new();

        public SilentPort()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    try { _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token)); }
                    catch { return; }
                }
            });
        }

        public int Port { get; }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (var c in _held) c.Dispose();
        }
    }
}
