using System.Globalization;

namespace Oci.PowerShell.Internal
{
    /// <summary>docker run -p's syntax, <c>[ip:]hostPort:containerPort[/protocol]</c> or <c>containerPort[/protocol]</c>, as an <see cref="OciPortBinding"/>.</summary>
    internal static class PortSpec
    {
        public static OciPortBinding Parse(string text)
        {
            var value = (text ?? string.Empty).Trim();
            var protocol = "tcp";
            var slash = value.LastIndexOf('/');
            if (slash >= 0)
            {
                protocol = value.Substring(slash + 1);
                value = value.Substring(0, slash);
            }
            // An IPv6 host address is in brackets: [::1]:8080:80.
            string? ip = null;
            if (value.StartsWith("[", System.StringComparison.Ordinal) && value.IndexOf("]:", System.StringComparison.Ordinal) is var close and > 0)
            {
                ip = value.Substring(1, close - 1);
                value = value.Substring(close + 2);
            }
            var parts = value.Split(':');
            if (ip is null && parts.Length == 3)
            {
                ip = parts[0];
                parts = new[] { parts[1], parts[2] };
            }
            int host = 0, container;
            var ok = parts.Length switch
            {
                1 => int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out container),
                2 => (parts[0].Length == 0 || int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out host)) & int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out container),
                _ => (container = 0) != 0,
            };
            if (!ok)
                throw new OciException(OciErrorKind.InvalidArgument, $"'{text}' is not a port to publish: use [ip:]hostPort:containerPort[/protocol], e.g. 127.0.0.1:8080:80/tcp.", text);
            return new OciPortBinding { ContainerPort = container, HostPort = host, HostIp = string.IsNullOrEmpty(ip) ? null : ip, Protocol = protocol.ToLowerInvariant() };
        }
    }
}
