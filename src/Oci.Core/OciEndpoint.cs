using System;
using System.Globalization;
using System.Net;

namespace Oci
{
    /// <summary>
    /// Where an engine listens, parsed and validated once: <c>unix:///path.sock</c>, <c>npipe:////./pipe/name</c>,
    /// <c>tcp://host[:port]</c>, <c>http(s)://host[:port]</c> or <c>ssh://[user@]host[:port][/socket]</c>. Other schemes
    /// (a custom driver's own) are kept as written. Every other part of Oci takes this value instead of re-reading a string.
    /// </summary>
    public sealed class OciEndpoint : IEquatable<OciEndpoint>
    {
        /// <summary>The longest endpoint text accepted (<see cref="OciLimits.MaxEndpointLength"/>); longer input is refused before anything is contacted.</summary>
        public const int MaxLength = OciLimits.MaxEndpointLength;

        /// <summary>The port <c>tcp://host</c> means when it names none (Docker's plain-text port).</summary>
        public const int DefaultTcpPort = 2375;

        private const string PipePrefix = "./pipe/";

        private OciEndpoint(string text, string scheme, string display, string? path = null, string? host = null, int port = 0, string? user = null)
        {
            Text = text;
            Scheme = scheme;
            Display = display;
            Path = path;
            Host = host;
            Port = port;
            User = user;
        }

        /// <summary>The endpoint as the caller wrote it (trimmed).</summary>
        public string Text { get; }

        /// <summary>The scheme, lower case: <c>unix</c>, <c>npipe</c>, <c>tcp</c>, <c>http</c>, <c>https</c>, <c>ssh</c>, or a custom one.</summary>
        public string Scheme { get; }

        /// <summary>The socket path (<c>unix</c>, and <c>ssh</c> when it names the remote socket) or the pipe name (<c>npipe</c>).</summary>
        public string? Path { get; }

        /// <summary>The host name or IP address (<c>tcp</c>, <c>http</c>, <c>https</c>, <c>ssh</c>), without IPv6 brackets.</summary>
        public string? Host { get; }

        /// <summary>The port (<c>tcp</c>, <c>http</c>, <c>https</c>; <c>ssh</c> when given, else 0: ssh's own default).</summary>
        public int Port { get; }

        /// <summary>The user of an <c>ssh</c> endpoint, when given.</summary>
        public string? User { get; }

        private string Display { get; }

        public bool IsUnixSocket => Scheme == "unix";
        public bool IsNamedPipe => Scheme == "npipe";
        public bool IsSsh => Scheme == "ssh";

        /// <summary>True for <c>tcp</c>, <c>http</c> and <c>https</c>: an engine reached over TCP.</summary>
        public bool IsTcp => Scheme is "tcp" or "http" or "https";

        /// <summary>True for <c>tcp</c> and <c>https</c>: the endpoints TLS settings apply to.</summary>
        public bool TakesTls => Scheme is "tcp" or "https";

        /// <summary>True for the schemes Oci itself understands (the built-in transports).</summary>
        public bool IsKnownScheme => Scheme is "unix" or "npipe" or "tcp" or "http" or "https" or "ssh";

        /// <summary>True for a TCP endpoint on a loopback address (<c>127.0.0.0/8</c>, <c>::1</c>, <c>localhost</c>).</summary>
        public bool IsLoopback =>
            IsTcp && Host is { } h && (string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip)));

        /// <summary>True when what crosses the endpoint stays on this machine: a unix socket, a named pipe, or loopback TCP.</summary>
        public bool IsLocal => IsUnixSocket || IsNamedPipe || IsLoopback;

        /// <summary>Parses <paramref name="text"/>; InvalidArgument (naming it) when it is not an endpoint.</summary>
        public static OciEndpoint Parse(string? text)
        {
            if (TryParse(text, out var endpoint, out var problem)) return endpoint!;
            throw new OciException(OciErrorKind.InvalidArgument, $"'{Shorten(text)}' is not a valid engine endpoint: {problem}.", Shorten(text));
        }

        /// <summary>Parses <paramref name="text"/>; false with the reason in <paramref name="problem"/> when it is not an endpoint.</summary>
        public static bool TryParse(string? text, out OciEndpoint? endpoint, out string? problem)
        {
            endpoint = null;
            problem = Check(text, out var trimmed, out var scheme, out var rest);
            if (problem is not null) return false;
            switch (scheme)
            {
                case "unix":
                    if (!rest.StartsWith("/", StringComparison.Ordinal) || rest.Length < 2 || rest.IndexOfAny(new[] { '\0', '?', '#' }) >= 0)
                        return Fail("a unix endpoint needs an absolute socket path, e.g. unix:///var/run/docker.sock", out problem);
                    // "/run//docker.sock" is "/run/docker.sock": one spelling, so one endpoint.
                    while (rest.Contains("//")) rest = rest.Replace("//", "/");
                    endpoint = new OciEndpoint(trimmed, scheme, "unix://" + rest, path: rest);
                    return true;
                case "npipe":
                    // Docker writes npipe:////./pipe/docker_engine; npipe://./pipe/docker_engine means the same.
                    var pipe = rest.TrimStart('/');
                    if (!pipe.StartsWith(PipePrefix, StringComparison.OrdinalIgnoreCase) || pipe.Length == PipePrefix.Length
                        || pipe.Substring(PipePrefix.Length).IndexOfAny(new[] { '/', '\\', '?', '#', '\0' }) >= 0)
                        return Fail("a named pipe endpoint looks like npipe:////./pipe/docker_engine", out problem);
                    var name = pipe.Substring(PipePrefix.Length);
                    endpoint = new OciEndpoint(trimmed, scheme, "npipe:////./pipe/" + name, path: name);
                    return true;
                case "tcp":
                case "http":
                case "https":
                    if (!TryAuthority(rest, allowUser: false, allowPath: false, out var host, out var port, out _, out _, out problem))
                        return Fail(problem + " (a TCP endpoint looks like tcp://host:2375, with no path, query or user)", out problem);
                    port ??= scheme switch { "tcp" => DefaultTcpPort, "https" => 443, _ => 80 };
                    endpoint = new OciEndpoint(trimmed, scheme, scheme + "://" + HostPort(host!, port.Value), host: host, port: port.Value);
                    return true;
                case "ssh":
                    if (!TryAuthority(rest, allowUser: true, allowPath: true, out var sshHost, out var sshPort, out var user, out var socket, out problem))
                        return Fail(problem + " (an ssh endpoint looks like ssh://user@host[:port][/path/to/engine.sock])", out problem);
                    var display = "ssh://" + (user is null ? string.Empty : user + "@") + (sshPort is null ? Bracket(sshHost!) : HostPort(sshHost!, sshPort.Value)) + socket;
                    endpoint = new OciEndpoint(trimmed, scheme, display, path: socket, host: sshHost, port: sshPort ?? 0, user: user);
                    return true;
                default:
                    // A custom driver's scheme: kept as written, for that driver to read.
                    endpoint = new OciEndpoint(trimmed, scheme, scheme + "://" + rest);
                    return true;
            }
        }

        /// <summary>The normalised endpoint, as connections report it (<c>tcp://host</c> becomes <c>tcp://host:2375</c>).</summary>
        public override string ToString() => Display;

        public bool Equals(OciEndpoint? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is OciEndpoint other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <summary>A comparison key: pipe and host names are case-insensitive, socket paths are not.</summary>
        private string Key => IsUnixSocket ? Display : Display.ToLowerInvariant();

        private static string? Check(string? text, out string trimmed, out string scheme, out string rest)
        {
            trimmed = text?.Trim() ?? string.Empty;
            scheme = rest = string.Empty;
            if (trimmed.Length == 0) return "an endpoint is required";
            if (trimmed.Length > MaxLength) return $"it is longer than {MaxLength} characters";
            var sep = trimmed.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0) return "expected scheme://address, e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375";
            scheme = trimmed.Substring(0, sep).ToLowerInvariant();
            foreach (var c in scheme)
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '+' or '-' or '.'))
                    return $"'{scheme}' is not a scheme";
            rest = trimmed.Substring(sep + 3);
            foreach (var c in rest)
                if (char.IsControl(c) || c == ' ') return "it contains spaces or control characters";
            return null;
        }

        private static bool TryAuthority(string rest, bool allowUser, bool allowPath, out string? host, out int? port, out string? user, out string? path, out string? problem)
        {
            host = user = path = null;
            port = null;
            var slash = rest.IndexOf('/');
            var authority = slash < 0 ? rest : rest.Substring(0, slash);
            var tail = slash < 0 ? string.Empty : rest.Substring(slash);
            if (tail.Length > 0 && tail != "/")
            {
                if (!allowPath) return Fail("it has a path", out problem);
                if (tail.IndexOfAny(new[] { '?', '#' }) >= 0) return Fail("it has a query or fragment", out problem);
                path = tail;
            }
            if (authority.IndexOfAny(new[] { '?', '#' }) >= 0) return Fail("it has a query or fragment", out problem);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                if (!allowUser) return Fail("it has user information", out problem);
                user = authority.Substring(0, at);
                if (user.Length == 0 || user.IndexOf(':') >= 0) return Fail("the user is empty or carries a password (use keys or an agent)", out problem);
                authority = authority.Substring(at + 1);
            }
            string hostText;
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                if (close < 0) return Fail("an IPv6 address lacks its closing ]", out problem);
                hostText = authority.Substring(1, close - 1);
                if (!IPAddress.TryParse(hostText, out _)) return Fail($"'{hostText}' is not an IPv6 address", out problem);
                authority = authority.Substring(close + 1);
                if (authority.Length > 0 && !authority.StartsWith(":", StringComparison.Ordinal)) return Fail("unexpected text after the IPv6 address", out problem);
                authority = authority.Length > 0 ? authority.Substring(1) : string.Empty;
                if (authority.Length == 0 && rest.Contains("]:")) return Fail("the port is empty", out problem);
            }
            else
            {
                var colon = authority.IndexOf(':');
                hostText = colon < 0 ? authority : authority.Substring(0, colon);
                authority = colon < 0 ? string.Empty : authority.Substring(colon + 1);
                if (colon >= 0 && authority.Length == 0) return Fail("the port is empty", out problem);
                if (Uri.CheckHostName(hostText) is UriHostNameType.Unknown or UriHostNameType.Basic) return Fail(hostText.Length == 0 ? "the host is missing" : $"'{hostText}' is not a host name or IP address", out problem);
            }
            if (authority.Length > 0)
            {
                if (!int.TryParse(authority, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1 || p > 65535)
                    return Fail($"'{authority}' is not a port (1-65535)", out problem);
                port = p;
            }
            host = hostText;
            problem = null;
            return true;
        }

        private static bool Fail(string why, out string? problem)
        {
            problem = why;
            return false;
        }

        private static string Bracket(string host) => host.IndexOf(':') >= 0 ? "[" + host + "]" : host;

        private static string HostPort(string host, int port) => Bracket(host) + ":" + port.ToString(CultureInfo.InvariantCulture);

        // Errors name what was given, but never echo kilobytes of it back.
        private static string Shorten(string? text) => text is { Length: > 200 } ? text.Substring(0, 200) + "…" : text ?? string.Empty;
    }
}
