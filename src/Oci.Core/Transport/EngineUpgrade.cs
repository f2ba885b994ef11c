using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tls;

namespace Oci.Transport
{
    /// <summary>
    /// One request that takes the connection over (Docker's "hijack": exec start, attach): sent on a connection of its
    /// own with <c>Upgrade: tcp</c>, and answered <c>101 UPGRADED</c> (or 200), after which the connection carries the
    /// process's stdin one way and its output the other. Written here rather than through HttpClient because the
    /// caller must half-close the connection to end stdin, which no HttpClient stream offers, and engines answer
    /// the upgrade in ways some HTTP stacks refuse (Podman's compatible API with a chunked 200).
    /// </summary>
    internal static class EngineUpgrade
    {
        /// <summary>The longest response head read before the raw stream begins.</summary>
        private const int MaxHead = 64 * 1024;

        private const int MaxErrorBody = 16 * 1024;

        public static async Task<UpgradedStream> OpenAsync(OciEndpoint endpoint, TlsMaterial? tls, Ssh.SshDialer? ssh, string path, byte[] jsonBody, CancellationToken cancellationToken)
        {
            var (stream, socket) = await UpgradeDialer.DialAsync(endpoint, ssh, cancellationToken).ConfigureAwait(false);
            try
            {
                using (cancellationToken.Register(() => { stream.Dispose(); socket?.Dispose(); }))
                {
                    try
                    {
                        if (tls is not null) stream = await AuthenticateAsync(stream, tls).ConfigureAwait(false);
                        var head = "POST /" + path.TrimStart('/') + " HTTP/1.1\r\n"
                                   + "Host: " + EngineTransport.BaseUri(endpoint, tls is not null).Authority + "\r\n"
                                   + "User-Agent: Oci\r\nContent-Type: application/json\r\n"
                                   + "Content-Length: " + jsonBody.Length.ToString(CultureInfo.InvariantCulture) + "\r\n"
                                   + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
                        var bytes = Encoding.ASCII.GetBytes(head);
                        await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                        await stream.WriteAsync(jsonBody, 0, jsonBody.Length, cancellationToken).ConfigureAwait(false);
                        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                        var (status, reason, length, chunked) = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
                        if (status is 101 or 200) return new UpgradedStream(stream, socket);
                        var body = await ReadErrorBodyAsync(stream, length, chunked, cancellationToken).ConfigureAwait(false);
                        throw new EngineResponseException((HttpStatusCode)status, body, reason);
                    }
                    catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }
                }
            }
            catch
            {
                stream.Dispose();
                socket?.Dispose();
                throw;
            }
        }

        private static async Task<Stream> AuthenticateAsync(Stream inner, TlsMaterial tls)
        {
            var ssl = new SslStream(inner, leaveInnerStreamOpen: false, tls.ValidateServer);
            var certificates = new X509CertificateCollection();
            if (tls.ClientCertificate is { } certificate) certificates.Add(certificate);
            await ssl.AuthenticateAsClientAsync(tls.Host, certificates, SslProtocols.None, checkCertificateRevocation: false).ConfigureAwait(false);
            return ssl;
        }

        /// <summary>The status line and the headers that say how long an error body is; reads byte by byte so nothing of the raw stream is taken.</summary>
        private static async Task<(int Status, string Reason, int? Length, bool Chunked)> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!(head.Length >= 4 && head[head.Length - 4] == '\r' && head[head.Length - 3] == '\n' && head[head.Length - 2] == '\r' && head[head.Length - 1] == '\n'))
            {
                if (head.Length > MaxHead) throw new InvalidDataException("the engine's answer to an upgrade has no end of headers");
                if (await stream.ReadAsync(one, 0, 1, cancellationToken).ConfigureAwait(false) == 0)
                    throw new IOException("the engine closed the connection before answering");
                head.Append((char)one[0]);
            }
            var lines = head.ToString().Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
            var parts = lines[0].Split(new[] { ' ' }, 3);
            if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                throw new InvalidDataException($"the engine answered an upgrade with '{lines[0]}', not HTTP");
            int? length = null;
            var chunked = false;
            foreach (var line in lines)
            {
                var colon = line.IndexOf(':');
                if (colon < 0) continue;
                var name = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) length = n;
                if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0) chunked = true;
            }
            return (status, parts.Length > 2 ? parts[2] : string.Empty, length, chunked);
        }

        /// <summary>An error answer's body (bounded): by its length, its chunks, or up to the end of the connection.</summary>
        private static async Task<string> ReadErrorBodyAsync(Stream stream, int? length, bool chunked, CancellationToken cancellationToken)
        {
            using var all = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while (all.Length < MaxErrorBody && (length is null || all.Length < length)
                   && (n = await stream.ReadAsync(buffer, 0, length is { } l ? (int)Math.Min(buffer.Length, l - all.Length) : buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                all.Write(buffer, 0, n);
            var text = Encoding.UTF8.GetString(all.ToArray());
            return chunked ? Unchunk(text) : text;
        }

        // "1f\r\n{...}\r\n0\r\n\r\n" → "{...}" (what fits of it).
        private static string Unchunk(string text)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                var end = text.IndexOf("\r\n", i, StringComparison.Ordinal);
                if (end < 0 || !int.TryParse(text.Substring(i, end - i).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0) break;
                var start = end + 2;
                result.Append(text.Substring(start, Math.Min(size, text.Length - start)));
                i = start + size + 2;
            }
            return result.ToString();
        }
    }

    /// <summary>An upgraded connection: read the output, write the input, and <see cref="CloseWriteAsync"/> to end the input.</summary>
    internal sealed class UpgradedStream : IDisposable
    {
        private readonly Socket? _socket;

        public UpgradedStream(Stream stream, Socket? socket)
        {
            Stream = stream;
            _socket = socket;
        }

        public Stream Stream { get; }

        /// <summary>True when the connection can be half-closed (sockets and ssh; not named pipes).</summary>
        public bool CanCloseWrite => _socket is not null || Stream is Ssh.SshStream;

        /// <summary>Ends the input: ssh's stdin; else TLS's close_notify where the platform sends one, then the socket's send side.</summary>
        public async Task CloseWriteAsync()
        {
            if (Stream is Ssh.SshStream ssh)
            {
                await ssh.CloseInputAsync().ConfigureAwait(false);
                return;
            }
            if (_socket is null) throw new NotSupportedException("this connection cannot be half-closed");
#if NET8_0_OR_GREATER
            if (Stream is SslStream ssl) await ssl.ShutdownAsync().ConfigureAwait(false);
#else
            await Task.CompletedTask.ConfigureAwait(false);
#endif
            _socket.Shutdown(SocketShutdown.Send);
        }

        public void Dispose()
        {
            Stream.Dispose();
            _socket?.Dispose();
        }
    }
}
