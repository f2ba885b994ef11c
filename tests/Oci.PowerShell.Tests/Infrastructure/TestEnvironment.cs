// Shared facts of the test run; tests/Pester/TestHelpers.ps1 mirrors them for Pester.
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Oci.PowerShell.Tests.Infrastructure
{
    /// <summary>Where the repository, the built module and the real test engines are.</summary>
    public static class TestEnvironment
    {
        public const string DefaultDockerHost = "unix:///tmp/oci-testbed/docker/docker.sock";
        public const string DefaultRegistry = "127.0.0.1:5000";
        public const string DefaultPodmanHost = "unix:///tmp/oci-testbed/podman/podman.sock";
        public const string DefaultAuthRegistry = "127.0.0.1:5001";
        public const string DefaultTlsHost = "tcp://127.0.0.1:2376";

        /// <summary>A unix socket nobody listens on.</summary>
        public const string DeadEndpoint = "unix:///tmp/none.sock";

        /// <summary>A registry address nothing listens on (a "stopped registry").</summary>
        public const string StoppedRegistry = "127.0.0.1:5009";

        /// <summary>The five cmdlets the module exports, sorted.</summary>
        public static readonly string[] Cmdlets =
        {
            "Connect-OciEngine", "Disconnect-OciEngine", "Get-OciConnection", "Invoke-OciPull", "Invoke-OciRequest",
        };

        private static readonly Lazy<string> Root = new(FindRepoRoot);

        public static string DockerHost => Env("OCI_TEST_DOCKER_HOST", DefaultDockerHost);

        public static string Registry => Env("OCI_TEST_REGISTRY", DefaultRegistry);

        /// <summary>The test bed's Podman API socket (OCI_TEST_PODMAN_HOST).</summary>
        public static string PodmanHost => Env("OCI_TEST_PODMAN_HOST", DefaultPodmanHost);

        /// <summary>The test bed's engine endpoint for <paramref name="engine"/> (<c>docker</c> or <c>podman</c>).</summary>
        public static string EngineHost(string engine) => engine switch
        {
            "docker" => DockerHost,
            "podman" => PodmanHost,
            _ => throw new ArgumentException($"No test engine '{engine}'.", nameof(engine)),
        };

        /// <summary>The path of a unix:// endpoint's socket.</summary>
        public static string SocketPath(string endpoint) =>
            endpoint.StartsWith("unix://", StringComparison.Ordinal) ? endpoint.Substring("unix://".Length) : throw new ArgumentException($"{endpoint} is not a unix:// endpoint.");

        /// <summary>The registry with htpasswd basic auth (OCI_TEST_AUTH_REGISTRY); holds <c>private:latest</c>.</summary>
        public static string AuthRegistry => Env("OCI_TEST_AUTH_REGISTRY", DefaultAuthRegistry);

        public static string AuthUser => Env("OCI_TEST_AUTH_USER", "ociuser");

        public static string AuthPassword => Env("OCI_TEST_AUTH_PASSWORD", "oci-Secret-42");

        /// <summary>The test bed dockerd's TLS listener (OCI_TEST_DOCKER_TLS_HOST, --tlsverify).</summary>
        public static string TlsHost => Env("OCI_TEST_DOCKER_TLS_HOST", DefaultTlsHost);

        /// <summary>The folder with ca.pem, cert.pem and key.pem the TLS listener trusts (OCI_TEST_TLS_CERT_PATH); fails clearly when the test bed has none.</summary>
        public static string TlsCertPath => RequiredFolder("OCI_TEST_TLS_CERT_PATH", "/tmp/oci-testbed/tls/client", "the client certificates of the test bed's TLS listener");

        /// <summary>A certificate set the TLS listener does not trust (OCI_TEST_TLS_OTHER_CERT_PATH).</summary>
        public static string TlsOtherCertPath => RequiredFolder("OCI_TEST_TLS_OTHER_CERT_PATH", "/tmp/oci-testbed/tls/other", "a certificate set the test bed's TLS listener does not trust");

        public static string Small => $"{Registry}/small:latest";

        public static string Small10 => $"{Registry}/small:1.0";

        public static string Big => $"{Registry}/big:latest";

        public static string Layers => $"{Registry}/layers:latest";

        public static string RepoRoot => Root.Value;

        public static string ModuleFolder => Path.Combine(RepoRoot, "out", "Oci");

        /// <summary>out/Oci/Oci.psd1; fails the test with a clear message when the module was not built.</summary>
        public static string ModuleManifest
        {
            get
            {
                var path = Path.Combine(ModuleFolder, "Oci.psd1");
                Assert.True(File.Exists(path),
                    $"The built module is missing: {path} does not exist. Build src/Oci.PowerShell (dotnet build) so it lays out out/Oci; " +
                    "this test project's ProjectReference to it should have done so.");
                return path;
            }
        }

        /// <summary>The fresh-process helper of the dependency-isolation test.</summary>
        public static string ConflictHostPath
        {
            get
            {
                var meta = typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "ConflictHostPath").Value!;
                var path = Path.GetFullPath(meta);
                Assert.True(File.Exists(path), $"The helper {path} was not built; build tests/Oci.PowerShell.ConflictHost.");
                return path;
            }
        }

        /// <summary>The folder <paramref name="variable"/> names (default: the test bed's fixed layout); fails clearly when it is not there.</summary>
        private static string RequiredFolder(string variable, string fallback, string what)
        {
            var v = Env(variable, fallback);
            Assert.True(Directory.Exists(v),
                $"{variable}={v} is not a folder: it should hold {what} (ca.pem, cert.pem, key.pem). Bring the test bed up with its TLS " +
                $"listener (eng/engines.sh up; dockerd --tlsverify on {TlsHost}) and load its variables (eval \"$(bash eng/engines.sh env)\").");
            return v;
        }

        private static string Env(string name, string fallback)
        {
            var v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? fallback : v;
        }

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Oci.PowerShell.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Oci.PowerShell.sln.");
        }
    }
}
