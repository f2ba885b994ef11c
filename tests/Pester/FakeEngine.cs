// A plain-HTTP dockerd look-alike on a non-loopback address, loaded with Add-Type by tests/Pester/TestHelpers.ps1.
// Keep it plain C# (no newer syntax, no nullable annotations) so pwsh's Add-Type compiles it as it is.
#nullable disable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Tests.Pester
{
    /// <summary>One HTTP request the fake engine received: the request line and its headers.</summary>
    public sealed class FakeEngineRequest
    {
        public FakeEngineRequest(string line, IDictionary<string, string> headers)
        {
            Line = line;
            Headers = headers;
        }

        /// <summary>E.g. <c>POST /v1.41/images/create?fromImage=... HTTP/1.1</c>.</summary>
        public string Line { get; private set; }

        /// <summary>The headers, names case-insensitive.</summary>
        public IDictionary<string, string> Headers { get; private set; }

        public string Header(string name)
        {
            string value;
            return Headers.TryGetValue(name, out value) ? value : null;
        }

        public override string ToString() { return Line; }
    }

    /// <summary>
    /// A tiny plain-HTTP server that answers like dockerd (or Podman's API service) to <c>/_ping</c> and <c>/version</c> (and HTTP 500 to
    /// anything else), recording every request with its headers, so a test can prove what was (not) sent. It
    /// listens on the address it is given, e.g. the machine's non-loopback address (<see cref="NonLoopbackAddress"/>).
    /// </summary>
    public sealed class FakeEngine : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentQueue<FakeEngineRequest> _requests = new ConcurrentQueue<FakeEngineRequest>();

        private readonly bool _podman;

        public FakeEngine(IPAddress address) : this(address, false)
        {
        }

        /// <summary>With <paramref name="podman"/>, it answers as Podman's API service (its ping names a libpod API), so the podman driver serves it.</summary>
        public FakeEngine(IPAddress address, bool podman)
        {
            _podman = podman;
            _listener = new TcpListener(address, 0);
            _listener.Start();
            Task.Run(AcceptLoop);
        }

        /// <summary>tcp://address:port.</summary>
        public string Endpoint
        {
            get
            {
                var ep = (IPEndPoint)_listener.LocalEndpoint;
                var host = ep.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + ep.Address + "]" : ep.Address.ToString();
                return "tcp://" + host + ":" + ep.Port;
            }
        }

        /// <summary>Every request received so far, in order.</summary>
        public FakeEngineRequest[] Requests { get { return _requests.ToArray(); } }

        /// <summary>
        /// An IPv4 address of this machine that is not loopback (an up interface's), so a tcp:// engine there counts
        /// as remote; throws with a clear message when there is none.
        /// </summary>
        public static IPAddress NonLoopbackAddress()
        {
            var address = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
            if (address == null)
                throw new InvalidOperationException("This machine has no non-loopback IPv4 address (hostname -I) for the fake remote engine to listen on.");
            return address;
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (Exception) { return; }
                var ignored = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.ASCII);
                    while (!_stop.IsCancellationRequested)
                    {
                        var line = await reader.ReadLineAsync().ConfigureAwait(false);
                        if (line == null) return;
                        if (line.Length == 0) continue;
                        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        string header;
                        while (!string.IsNullOrEmpty(header = await reader.ReadLineAsync().ConfigureAwait(false)))
                        {
                            var colon = header.IndexOf(':');
                            if (colon > 0) headers[header.Substring(0, colon).Trim()] = header.Substring(colon + 1).Trim();
                        }
                        _requests.Enqueue(new FakeEngineRequest(line, headers));
                        string length;
                        if (headers.TryGetValue("Content-Length", out length) && int.TryParse(length, out var n) && n > 0)
                        {
                            var body = new char[n];
                            var read = 0;
                            while (read < n)
                            {
                                var r = await reader.ReadAsync(body, read, n - read).ConfigureAwait(false);
                                if (r == 0) return;
                                read += r;
                            }
                        }
                        var path = line.Split(' ')[1];
                        var q = path.IndexOf('?');
                        if (q >= 0) path = path.Substring(0, q);
                        string status, type, text;
                        if (path.EndsWith("/_ping", StringComparison.Ordinal)) { status = "200 OK"; type = "text/plain"; text = "OK"; }
                        else if (path.EndsWith("/version", StringComparison.Ordinal))
                        {
                            status = "200 OK";
                            type = "application/json";
                            text = "{\"Version\":\"99.0.0-fake\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";
                        }
                        else { status = "500 Internal Server Error"; type = "application/json"; text = "{\"message\":\"fake engine: not implemented\"}"; }
                        var bytes = Encoding.UTF8.GetBytes(text);
                        var server = _podman ? "Libpod/99.0.0-fake (linux)\r\nLibpod-Api-Version: 4.9.3" : "Docker/99.0.0-fake (linux)";
                        var head = "HTTP/1.1 " + status + "\r\nApi-Version: 1.41\r\nServer: " + server + "\r\nContent-Type: " + type +
                                   "\r\nContent-Length: " + bytes.Length + "\r\n\r\n";
                        var headBytes = Encoding.ASCII.GetBytes(head);
                        await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
                        await stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
                        await stream.FlushAsync().ConfigureAwait(false);
                    }
                }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
                catch (SocketException) { }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
