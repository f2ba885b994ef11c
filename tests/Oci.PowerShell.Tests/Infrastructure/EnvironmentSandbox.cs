// Mirrored by New-TestSandbox / Remove-TestSandbox in tests/Pester/TestHelpers.ps1.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Oci.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// Tests that change the process environment (HOME, DOCKER_CONFIG, XDG_RUNTIME_DIR, PATH, DOCKER_HOST, ...) run
    /// alone: the variables are process-wide and a PowerShell runspace's <c>$env:</c> is the process environment.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProcessEnvironmentCollection
    {
        public const string Name = "ProcessEnvironment";
    }

    /// <summary>
    /// A throw-away machine layout for discovery and credential tests, applied to the process environment until
    /// disposed: a temporary HOME, DOCKER_CONFIG and XDG_RUNTIME_DIR (empty: no engine, no credentials),
    /// a bin folder first on PATH (for docker-credential-* helpers) and a REGISTRY_AUTH_FILE that does not exist
    /// yet; DOCKER_HOST, DOCKER_CONTEXT and the DOCKER_TLS* variables are unset. Sockets are symlinks to the test
    /// bed's. One short /tmp folder (unix socket paths are limited to 108 bytes). Dispose restores every variable.
    /// </summary>
    public sealed class EnvironmentSandbox : IDisposable
    {
        /// <summary>The variables a sandbox sets or clears, and restores.</summary>
        public static readonly string[] Variables =
        {
            "HOME", "DOCKER_CONFIG", "XDG_RUNTIME_DIR", "PATH", "REGISTRY_AUTH_FILE",
            "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH",
        };

        private readonly Dictionary<string, string?> _saved = new();
        private readonly List<Socket> _sockets = new();

        public EnvironmentSandbox()
        {
            Root = Path.Combine("/tmp", "ocip-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Home = Dir("home");
            Config = Dir("config");
            Xdg = Dir("xdg");
            Bin = Dir("bin");
            AuthFile = Path.Combine(Root, "auth.json");
            foreach (var v in Variables) _saved[v] = Environment.GetEnvironmentVariable(v);
            Set("HOME", Home);
            Set("DOCKER_CONFIG", Config);
            Set("XDG_RUNTIME_DIR", Xdg);
            Set("PATH", Bin + Path.PathSeparator + _saved["PATH"]);
            Set("REGISTRY_AUTH_FILE", AuthFile);
            foreach (var v in new[] { "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH" }) Set(v, null);
        }

        public string Root { get; }
        public string Home { get; }

        /// <summary>DOCKER_CONFIG (config.json, contexts/).</summary>
        public string Config { get; }
        public string Xdg { get; }
        public string Bin { get; }

        /// <summary>REGISTRY_AUTH_FILE (Podman's auth.json); not created until written.</summary>
        public string AuthFile { get; }

        /// <summary>Sets (or with null, removes) a process environment variable; restored on Dispose when it is one of <see cref="Variables"/>.</summary>
        public void Set(string name, string? value)
        {
            Assert.Contains(name, Variables);
            Environment.SetEnvironmentVariable(name, value);
        }

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

        /// <summary>A symlink to the test bed's Docker socket; returns its unix:// endpoint.</summary>
        public string LinkDocker(string relative) => "unix://" + Link(relative, TestEnvironment.SocketPath(TestEnvironment.DockerHost));

        /// <summary>A symlink to the test bed's Podman socket; returns its unix:// endpoint.</summary>
        public string LinkPodman(string relative) => "unix://" + Link(relative, TestEnvironment.SocketPath(TestEnvironment.PodmanHost));

        public string Write(string relative, string content)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllText(p, content, new UTF8Encoding(false));
            return p;
        }

        /// <summary>Writes DOCKER_CONFIG/config.json.</summary>
        public string WriteConfig(string json) => Write("config/config.json", json);

        /// <summary>Creates Docker context <paramref name="name"/> under DOCKER_CONFIG pointing at <paramref name="host"/>.</summary>
        public string WriteContext(string name, string host) =>
            Write($"config/contexts/meta/{Sha256(name)}/meta.json",
                "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");

        /// <summary>A unix socket file nobody listens on (bound, never listening): connecting is refused at once.</summary>
        public string DeadSocket(string relative)
        {
            var p = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Bind(new UnixDomainSocketEndPoint(p)); // the file goes when the socket closes: keep it open
            _sockets.Add(s);
            return "unix://" + p;
        }

        /// <summary>
        /// <c>bin/docker-credential-NAME</c>: the <c>get</c> verb of Docker's credential-helper protocol. It reads the
        /// server URL on stdin, logs it to <c>docker-credential-NAME.log</c> beside itself, and answers
        /// {"ServerURL","Username","Secret"} for <paramref name="server"/> (bare or with http(s)://), else "credentials not found".
        /// </summary>
        public string Helper(string name, string server, string user, string secret)
        {
            var path = Path.Combine(Bin, "docker-credential-" + name);
            File.WriteAllText(path, HelperScript(server, user, secret), new UTF8Encoding(false));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                       UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            return path;
        }

        /// <summary>The server URLs the helper was asked for, in order.</summary>
        public static string[] HelperCalls(string helperPath) =>
            File.Exists(helperPath + ".log") ? File.ReadAllLines(helperPath + ".log") : Array.Empty<string>();

        /// <summary>The helper script (tests/Pester/TestHelpers.ps1's New-CredentialHelper writes the same).</summary>
        public static string HelperScript(string server, string user, string secret) =>
            "#!/usr/bin/env bash\n" +
            "# A docker-credential-* helper for the tests: the get verb only.\n" +
            "[ \"${1:-}\" = get ] || { echo \"unsupported verb: ${1:-}\" >&2; exit 1; }\n" +
            "url=$(cat)\n" +
            "printf '%s\\n' \"$url\" >> \"$0.log\"\n" +
            "case \"$url\" in\n" +
            $"  '{server}'|'http://{server}'|'https://{server}')\n" +
            $"    printf '{{\"ServerURL\":\"%s\",\"Username\":\"%s\",\"Secret\":\"%s\"}}\\n' \"$url\" '{user}' '{secret}' ;;\n" +
            "  *) echo 'credentials not found in native keychain'; exit 1 ;;\n" +
            "esac\n";

        /// <summary>An <c>auths</c> entry: base64 of user:password, as <c>docker login</c> writes it.</summary>
        public static string AuthEntry(string user, string password) =>
            "{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)) + "\"}";

        public static string Sha256(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();

        public void Dispose()
        {
            foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
            foreach (var s in _sockets) s.Dispose();
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
