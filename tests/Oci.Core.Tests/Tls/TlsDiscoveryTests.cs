using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Discovery;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>
    /// Discovery reaching the TLS listener the ways a docker user's machine would: DOCKER_HOST with
    /// DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, a context with TLS material, -Endpoint with -CertificatePath. The
    /// environment is a sandbox (<see cref="OciEnvironment.FromVariables"/>): the process's own is not touched.
    /// </summary>
    public sealed class TlsDiscoveryTests : IDisposable
    {
        private readonly DiscoverySandbox _box = new();

        public TlsDiscoveryTests() => TlsTestBed.RequireFiles();

        public void Dispose() => _box.Dispose();

        private async Task<OciDiscoveryResult> DiscoverAsync(OciDiscoveryOptions? options = null)
        {
            var result = await OciEngines.DiscoverAsync(options ?? _box.Options());
            var ping = await result.Client.ExecuteAsync(new OciRequest(OciMethods.Ping));
            Assert.Equal("Docker", ((OciPing)ping.Data!).Engine);
            Assert.Equal(TlsTestBed.Host, result.Client.Connection.Endpoint?.ToString());
            Assert.True(result.Client.Connection.IsEncrypted);
            return result;
        }

        /// <summary>A copy of <paramref name="dir"/>'s PEM files in <paramref name="target"/>, with ca.pem from <paramref name="caFrom"/> when given.</summary>
        private static void CopyPem(string dir, string target, string? caFrom = null)
        {
            Directory.CreateDirectory(target);
            File.Copy(TlsTestBed.Ca(caFrom ?? dir), Path.Combine(target, "ca.pem"), true);
            File.Copy(TlsTestBed.Cert(dir), Path.Combine(target, "cert.pem"), true);
            File.Copy(TlsTestBed.Key(dir), Path.Combine(target, "key.pem"), true);
        }

        private string ContextTlsDir(string name) => Path.Combine(_box.Config, "contexts", "tls", DiscoverySandbox.Sha256(name), "docker");

        [Fact]
        public async Task DOCKER_HOST_with_DOCKER_TLS_VERIFY_and_DOCKER_CERT_PATH_connects()
        {
            _box.Variables["DOCKER_HOST"] = TlsTestBed.Host;
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            _box.Variables["DOCKER_CERT_PATH"] = TlsTestBed.ClientDir;
            var result = await DiscoverAsync();
            await using var _ = result.Client;
            Assert.Equal(OciEndpointSource.DockerHost, result.Candidate.Source);
            Assert.Equal("DOCKER_TLS_VERIFY", result.Candidate.Tls!.Source);
            Assert.Single(result.Attempts);
        }

        [Fact]
        public async Task DOCKER_CERT_PATH_defaults_to_the_docker_config_directory()
        {
            CopyPem(TlsTestBed.ClientDir, _box.Config);
            _box.Variables["DOCKER_HOST"] = TlsTestBed.Host;
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            var result = await DiscoverAsync();
            await using var _ = result.Client;
            Assert.Equal(Path.Combine(_box.Config, "key.pem"), result.Candidate.Tls!.ClientKeyPath);
        }

        [Fact]
        public async Task DOCKER_TLS_alone_encrypts_without_verifying()
        {
            var dir = Path.Combine(_box.Root, "certs");
            CopyPem(TlsTestBed.ClientDir, dir, caFrom: TlsTestBed.OtherDir);
            _box.Variables["DOCKER_HOST"] = TlsTestBed.Host;
            _box.Variables["DOCKER_TLS"] = "1";
            _box.Variables["DOCKER_CERT_PATH"] = dir;
            var result = await DiscoverAsync();
            await using var _ = result.Client;
            Assert.False(result.Candidate.Tls!.Verify);

            // DOCKER_TLS_VERIFY with the same files: the engine's certificate is checked, and refused.
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(_box.Options()));
            Assert.Contains("certificate was not trusted", e.Message);
        }

        [Fact]
        public async Task DOCKER_HOST_on_the_TLS_port_without_TLS_settings_says_it_speaks_TLS()
        {
            _box.Variables["DOCKER_HOST"] = TlsTestBed.Host;
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(_box.Options()));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            var attempt = e.Attempts.First();
            Assert.Equal(OciEndpointSource.DockerHost, attempt.Candidate.Source);
            Assert.Contains("speaks TLS", attempt.Failure);
            Assert.Contains("DOCKER_TLS_VERIFY", e.Message);
        }

        [Fact]
        public async Task An_explicit_endpoint_with_certificate_settings_connects()
        {
            // What Connect-OciEngine -Endpoint tcp://... -CertificatePath dir does.
            var options = _box.Options();
            options.Endpoint = TlsTestBed.Host;
            options.Tls = OciTlsSettings.FromDirectory(TlsTestBed.ClientDir);
            var result = await DiscoverAsync(options);
            await using var _ = result.Client;
            Assert.Equal(OciEndpointSource.Explicit, result.Candidate.Source);
        }

        [Fact]
        public async Task Explicit_certificate_settings_beat_the_environments()
        {
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            _box.Variables["DOCKER_CERT_PATH"] = TlsTestBed.OtherDir; // wrong CA: would be refused
            var options = _box.Options();
            options.Endpoint = TlsTestBed.Host;
            options.Tls = OciTlsSettings.FromDirectory(TlsTestBed.ClientDir);
            var result = await DiscoverAsync(options);
            await using var _ = result.Client;
            Assert.Equal(TlsTestBed.Ca(TlsTestBed.ClientDir), result.Candidate.Tls!.CaCertificatePath);
        }

        [Fact]
        public async Task An_explicit_endpoint_with_the_wrong_CA_says_why_in_the_discovery_error()
        {
            var options = _box.Options();
            options.Endpoint = TlsTestBed.Host;
            options.Tls = OciTlsSettings.FromDirectory(TlsTestBed.OtherDir);
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(options));
            Assert.Contains("certificate was not trusted", e.Message);
            Assert.Contains("-CertificatePath", e.Message);
            Assert.EndsWith("to a folder with ca.pem, cert.pem and key.pem the engine trusts.", e.Message); // not "start Docker"
        }

        [Fact]
        public async Task An_explicit_endpoint_with_a_missing_PEM_file_names_it()
        {
            var options = _box.Options();
            options.Endpoint = TlsTestBed.Host;
            var missing = Path.Combine(_box.Root, "nowhere", "cert.pem");
            options.Tls = new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir), missing, TlsTestBed.Key(TlsTestBed.ClientDir));
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(options));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(missing, e.Message);
        }

        [Fact]
        public async Task A_context_with_TLS_material_connects()
        {
            _box.WriteContext("tls", TlsTestBed.Host);
            CopyPem(TlsTestBed.ClientDir, ContextTlsDir("tls"));
            _box.Variables["DOCKER_CONTEXT"] = "tls";
            var result = await DiscoverAsync();
            await using var _ = result.Client;
            Assert.Equal(OciEndpointSource.DockerContext, result.Candidate.Source);
            Assert.Equal("context 'tls'", result.Candidate.Tls!.Source);
        }

        [Fact]
        public async Task The_current_context_from_config_json_with_TLS_material_connects()
        {
            _box.WriteConfig("{\"currentContext\":\"remote-tls\"}");
            _box.WriteContext("remote-tls", TlsTestBed.Host);
            CopyPem(TlsTestBed.EcClientDir, ContextTlsDir("remote-tls"));
            var result = await DiscoverAsync();
            await using var _ = result.Client;
            Assert.Equal("remote-tls", result.Candidate.ContextName);
        }

        [Fact]
        public async Task A_context_with_SkipTLSVerify_connects_despite_a_CA_that_did_not_sign_the_engine()
        {
            _box.WriteContext("skip", TlsTestBed.Host, skipTlsVerify: true);
            CopyPem(TlsTestBed.ClientDir, ContextTlsDir("skip"), caFrom: TlsTestBed.OtherDir);
            _box.Variables["DOCKER_CONTEXT"] = "skip";
            var result = await DiscoverAsync();
            await using var _ = result.Client;
            Assert.False(result.Candidate.Tls!.Verify);
        }

        [Fact]
        public async Task A_context_without_TLS_material_is_plain_even_when_DOCKER_TLS_VERIFY_is_set()
        {
            // As the docker CLI: DOCKER_TLS_VERIFY/DOCKER_CERT_PATH belong to DOCKER_HOST, a named context has its own TLS.
            _box.WriteContext("plain", TlsTestBed.Host);
            _box.Variables["DOCKER_CONTEXT"] = "plain";
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            _box.Variables["DOCKER_CERT_PATH"] = TlsTestBed.ClientDir;
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(_box.Options()));
            var attempt = e.Attempts.First();
            Assert.Equal(OciEndpointSource.DockerContext, attempt.Candidate.Source);
            Assert.Null(attempt.Candidate.Tls);
            Assert.Contains("speaks TLS", attempt.Failure);
        }

        [Fact]
        public async Task A_forced_podman_driver_gets_the_candidates_TLS_too()
        {
            _box.Variables["DOCKER_HOST"] = TlsTestBed.Host;
            _box.Variables["DOCKER_TLS_VERIFY"] = "1";
            _box.Variables["DOCKER_CERT_PATH"] = TlsTestBed.ClientDir;
            var options = _box.Options();
            options.Driver = "podman";
            var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(options));
            // It got through TLS to dockerd and refused it for not being Podman.
            Assert.Contains("Docker 20.10", e.Attempts.First().Failure);
            Assert.Contains("the podman driver does not serve it", e.Attempts.First().Failure);
        }
    }
}
