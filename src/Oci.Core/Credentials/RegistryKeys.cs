using System;
using System.Collections.Generic;

namespace Oci.Credentials
{
    /// <summary>How Docker keys credentials: Docker Hub as <c>https://index.docker.io/v1/</c>, every other registry by host[:port].</summary>
    internal static class RegistryKeys
    {
        public const string DockerHub = "https://index.docker.io/v1/";

        private static readonly HashSet<string> HubHosts = new(StringComparer.OrdinalIgnoreCase)
        {
            "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com",
        };

        // host[:port]: a DNS name or IPv4 address, or an IPv6 address in brackets, as the reference grammar has them.
        private static readonly System.Text.RegularExpressions.Regex HostPattern = new(
            @"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:[0-9]{1,5})?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>The key (server address) for <paramref name="registry"/>: a host[:port], or a URL such as <c>https://host/v2/</c>.</summary>
        public static string ServerAddress(string registry)
        {
            if (string.IsNullOrWhiteSpace(registry))
                throw new OciException(OciErrorKind.InvalidArgument, "A registry host is required to resolve credentials.", registry);
            var host = Hostname(registry);
            if (!HostPattern.IsMatch(host))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{registry}' is not a registry host (expected host[:port], e.g. 127.0.0.1:5001 or docker.io).", registry);
            return HubHosts.Contains(host) ? DockerHub : host;
        }

        /// <summary>As Docker's <c>ConvertToHostname</c>: drops <c>http(s)://</c> and everything from the first <c>/</c>.</summary>
        public static string Hostname(string key)
        {
            var k = key.Trim();
            if (k.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) k = k.Substring(8);
            else if (k.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) k = k.Substring(7);
            var slash = k.IndexOf('/');
            return slash >= 0 ? k.Substring(0, slash) : k;
        }

        /// <summary>True when a credentials-file key names the registry whose key is <paramref name="serverAddress"/>.</summary>
        public static bool Matches(string key, string serverAddress)
        {
            if (string.Equals(key, serverAddress, StringComparison.OrdinalIgnoreCase)) return true;
            var host = Hostname(key);
            if (serverAddress == DockerHub) return HubHosts.Contains(host);
            return string.Equals(host, serverAddress, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The entries of <paramref name="items"/> that match, the exact key first, then in file order.</summary>
        public static IEnumerable<T> Matching<T>(IEnumerable<T> items, Func<T, string> key, string serverAddress)
        {
            var rest = new List<T>();
            foreach (var item in items)
            {
                if (string.Equals(key(item), serverAddress, StringComparison.Ordinal)) yield return item;
                else if (Matches(key(item), serverAddress)) rest.Add(item);
            }
            foreach (var item in rest) yield return item;
        }
    }
}
