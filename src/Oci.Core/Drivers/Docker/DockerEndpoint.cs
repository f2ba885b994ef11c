using System;

namespace Oci.Drivers.Docker
{
    /// <summary>An engine endpoint, parsed and normalised: what the user wrote and the URI the transport needs.</summary>
    internal sealed class DockerEndpoint
    {
        private DockerEndpoint(string display, Uri uri, string scheme)
        {
            Display = display;
            Uri = uri;
            Scheme = scheme;
        }

        /// <summary>The normalised endpoint, shown to users (<c>unix:///run/docker.sock</c>, <c>tcp://host:2375</c>).</summary>
        public string Display { get; }

        /// <summary>The URI Docker.DotNet's transports take.</summary>
        public Uri Uri { get; }

        /// <summary>The scheme the user wrote, lower case: <c>unix</c>, <c>npipe</c>, <c>tcp</c>, <c>http</c> or <c>https</c>.</summary>
        public string Scheme { get; }

        public bool IsUnixSocket => Uri.Scheme == "unix";
        public bool IsNamedPipe => Uri.Scheme == "npipe";
        public bool IsTls => Uri.Scheme == "https";

        /// <summary>True for <c>tcp://</c> and <c>https://</c>: the endpoints TLS settings apply to.</summary>
        public bool TakesTls => Scheme is "tcp" or "https";

        /// <summary>The host name or IP address of a TCP endpoint (what its TLS certificate must name); null for sockets and pipes.</summary>
        public string? Host => Uri.Scheme is "http" or "https" ? Uri.Host.Trim('[', ']') : null;

        /// <summary>This TCP endpoint spoken over TLS: <c>tcp://host:port</c> becomes <c>https://host:port</c> on the wire (shown as written).</summary>
        public DockerEndpoint WithTls()
        {
            if (IsTls) return this;
            if (Uri.Scheme != "http") throw new InvalidOperationException("Only TCP endpoints take TLS.");
            return new DockerEndpoint(Display, new UriBuilder(Uri) { Scheme = "https", Port = Uri.Port }.Uri, Scheme);
        }

        /// <summary>Parses <c>unix://</c>, <c>tcp://</c>, <c>http(s)://</c> and <c>npipe://</c> (both the <c>//./pipe</c> and <c>////./pipe</c> spellings).</summary>
        public static DockerEndpoint Parse(string endpoint)
        {
            if (string.IsNullOrWhiteSpace(endpoint))
                throw Invalid(endpoint, "an endpoint is required");
            var text = endpoint.Trim();
            var sep = text.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0) throw Invalid(endpoint, "expected scheme://address, e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375");
            var scheme = text.Substring(0, sep).ToLowerInvariant();
            var rest = text.Substring(sep + 3);
            switch (scheme)
            {
                case "unix":
                    if (!rest.StartsWith("/", StringComparison.Ordinal) || rest.Length < 2 || rest.IndexOfAny(new[] { '\0', '?', '#' }) >= 0)
                        throw Invalid(endpoint, "a unix endpoint needs an absolute socket path, e.g. unix:///var/run/docker.sock");
                    return new DockerEndpoint("unix://" + rest, new Uri("unix://" + rest), scheme);
                case "npipe":
                    // Docker writes npipe:////./pipe/docker_engine; Docker.DotNet wants npipe://./pipe/docker_engine.
                    var pipe = rest.TrimStart('/');
                    const string prefix = "./pipe/";
                    if (!pipe.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || pipe.Length == prefix.Length || pipe.Substring(prefix.Length).IndexOfAny(new[] { '/', '\\', '?', '#' }) >= 0)
                        throw Invalid(endpoint, "a named pipe endpoint looks like npipe:////./pipe/docker_engine");
                    var name = pipe.Substring(prefix.Length);
                    return new DockerEndpoint("npipe:////./pipe/" + name, new Uri("npipe://./pipe/" + name), scheme);
                case "tcp":
                case "http":
                case "https":
                    var httpScheme = scheme == "https" ? "https" : "http";
                    if (!Uri.TryCreate(httpScheme + "://" + rest, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)
                        || (uri.AbsolutePath != "/" && uri.AbsolutePath.Length > 0) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
                        throw Invalid(endpoint, "a TCP endpoint looks like tcp://host:2375 (no path, query or user info)");
                    // tcp:// without a port means Docker's 2375; http(s):// keep their usual defaults.
                    var authorityText = rest.TrimEnd('/');
                    var explicitPort = authorityText.LastIndexOf(':') > authorityText.LastIndexOf(']');
                    var port = explicitPort || scheme != "tcp" ? uri.Port : 2375;
                    var hostPort = uri.Host + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var display = (scheme == "tcp" ? "tcp" : httpScheme) + "://" + hostPort;
                    return new DockerEndpoint(display, new Uri(httpScheme + "://" + hostPort), scheme);
                case "ssh":
                    throw new OciException(OciErrorKind.Unsupported, $"Endpoint '{endpoint}': ssh:// endpoints are not supported yet; forward the engine socket (ssh -L) and connect to it instead.", endpoint);
                default:
                    throw Invalid(endpoint, $"the scheme '{scheme}' is not one of unix, tcp, http, https, npipe");
            }
        }

        public override string ToString() => Display;

        private static OciException Invalid(string endpoint, string why) =>
            new(OciErrorKind.InvalidArgument, $"'{endpoint}' is not a valid engine endpoint: {why}.", endpoint);
    }
}
