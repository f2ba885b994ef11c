using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Oci.Tests.Discovery
{
    /// <summary>
    /// A throw-away machine layout for discovery and credential tests: a temporary HOME, DOCKER_CONFIG,
    /// XDG_RUNTIME_DIR and a stand-in for "/" (system root), whose sockets are symlinks to the test bed's
    /// real engines. Everything lives under one short /tmp directory (unix socket paths are limited to 108 bytes).
    /// </summary>
    internal sealed class DiscoverySandbox : IDisposable
    {
        private readonly List<Socket> _sockets = new();

        public DiscoverySandbox()
        {
            Root = Path.Combine(Path.GetTempPath(), "ocid-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Home = Dir("home");
            Config = Dir("home/.docker");
            Xdg = Dir("xdg");
            System = Dir("sys");
            Bin = Dir("bin");
            Variables = new Dictionary<string, string?>
            {
                ["HOME"] = Home,
                ["XDG_RUNTIME_DIR"] = Xdg,
                ["PATH"] = Bin + ":/usr/local/bin:/usr/bin:/bin",
            };
        }

        public static string DockerSocket => SocketPath(global::System.Environment.GetEnvironmentVariable("OCI_TEST_DOCKER_HOST"), "/tmp/oci-testbed/docker/docker.sock");
        public static string PodmanSocket => SocketPath(global::System.Environment.GetEnvironmentVariable("OCI_TEST_PODMAN_HOST"), "/tmp/oci-testbed/podman/podman.sock");

        public string Root { get; }
        public string Home { get; }

        /// <summary>~/.docker (the default config directory).</summary>
        public string Config { get; }
        public string Xdg { get; }

        /// <summary>Stands in for "/" for /var/run/docker.sock and /run/podman/podman.sock.</summary>
        public string System { get; }
        public string Bin { get; }

        public Dictionary<string, string?> Variables { get; }

        public OciEnvironment Environment(bool isWindows = false) => OciEnvironment.FromVariables(Variables, isWindows, System);

        /// <summary>Options reading this sandbox, with the connect timeout that gives discovered places <paramref name="probeTimeout"/> (default 5 s).</summary>
        public OciDiscoveryOptions Options(TimeSpan? probeTimeout = null) => new()
        {
            Environment = Environment(),
            ConnectTimeout = TimeSpan.FromTicks((probeTimeout ?? TimeSpan.FromSeconds(5)).Ticks * OciDiscoveryOptions.ProbeShare),
        };

        public string Dir(string relative)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(p);
            return p;
        }

        /// <summary>Makes <paramref name="relative"/> a symlink to <paramref name="target"/>; returns its absolute path.</summary>
        public string Link(string relative, string target)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.CreateSymbolicLink(p, target);
            return p;
        }

        public string LinkDocker(string relative) => Link(relative, DockerSocket);
        public string LinkPodman(string relative) => Link(relative, PodmanSocket);

        public string Write(string relative, string content)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllText(p, content, new UTF8Encoding(false));
            return p;
        }

        /// <summary>A socket file nobody listens on (bound, never listening): connecting is refused at once.</summary>
        public string DeadSocket(string relative)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Bind(new UnixDomainSocketEndPoint(p)); // .NET removes the file when the socket closes: keep it open
            _sockets.Add(s);
            return p;
        }

        /// <summary>A socket that accepts connections (kernel backlog) but never answers: only a timeout ends a probe.</summary>
        public string SilentSocket(string relative)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Bind(new UnixDomainSocketEndPoint(p));
            s.Listen(16);
            _sockets.Add(s);
            return p;
        }

        /// <summary>Writes config.json in the default config directory (~/.docker).</summary>
        public string WriteConfig(string json) => Write("home/.docker/config.json", json);

        /// <summary>Creates context <paramref name="name"/> in <paramref name="configDir"/> (default ~/.docker) pointing at <paramref name="host"/>.</summary>
        public string WriteContext(string name, string host, bool skipTlsVerify = false, string? configDir = null)
        {
            var dir = Path.Combine(configDir ?? Config, "contexts", "meta", Sha256(name));
            Directory.CreateDirectory(dir);
            var meta = Path.Combine(dir, "meta.json");
            File.WriteAllText(meta,
                "{\"Name\":\"" + name + "\",\"Metadata\":{\"Description\":\"test\"},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":"
                + (skipTlsVerify ? "true" : "false") + "}}}");
            return meta;
        }

        public static string Sha256(string s)
        {
            var hash = global::System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s));
            return Convert.ToHexString(hash).ToLowerInvariant();
        }

        public void Dispose()
        {
            foreach (var s in _sockets) s.Dispose();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private static string SocketPath(string? endpoint, string fallback) =>
            string.IsNullOrWhiteSpace(endpoint) ? fallback : endpoint!.StartsWith("unix://", StringComparison.Ordinal) ? endpoint.Substring(7) : endpoint;
    }
}
