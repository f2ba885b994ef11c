using System;
using System.IO;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Discovery;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>
    /// <c>tcp://</c> connects honour the process's DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH as the docker CLI
    /// does. These set process variables, so they run alone (a non-parallel collection) and restore them.
    /// </summary>
    [Collection(ProcessEnvironmentCollection.Name)]
    public sealed class TlsEnvironmentTests : IDisposable
    {
        private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "oci-tlsenv-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;

        public TlsEnvironmentTests() => TlsTestBed.RequireFiles();

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private static ProcessEnvironment Env(string? verify, string? certPath, string? tls = null) =>
            new(("DOCKER_TLS_VERIFY", verify), ("DOCKER_CERT_PATH", certPath), ("DOCKER_TLS", tls));

        [Fact]
        public async Task DOCKER_TLS_VERIFY_and_DOCKER_CERT_PATH_make_a_tcp_connect_use_TLS()
        {
            using (Env("1", TlsTestBed.ClientDir))
            {
                await using var client = await OciClient.ConnectAsync("docker", TlsTestBed.Host);
                Assert.Equal("Docker", client.Connection.Engine);
                Assert.True(client.Connection.IsEncrypted);
                await client.ExecuteAsync(new OciRequest(OciMethods.Version));
            }
            Assert.Null(Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY"));
        }

        [Fact]
        public async Task Any_non_empty_DOCKER_TLS_VERIFY_turns_verification_on_as_in_the_docker_CLI()
        {
            using (Env("0", TlsTestBed.OtherDir))
            {
                var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", TlsTestBed.Host));
                Assert.Contains("certificate was not trusted", e.Message);
                Assert.Contains("DOCKER_CERT_PATH", e.Message);
            }
        }

        [Fact]
        public async Task DOCKER_TLS_alone_encrypts_without_verifying()
        {
            File.Copy(TlsTestBed.Ca(TlsTestBed.OtherDir), Path.Combine(_dir, "ca.pem"));
            File.Copy(TlsTestBed.Cert(TlsTestBed.ClientDir), Path.Combine(_dir, "cert.pem"));
            File.Copy(TlsTestBed.Key(TlsTestBed.ClientDir), Path.Combine(_dir, "key.pem"));
            using (Env(null, _dir, tls: "1"))
            {
                await using var client = await OciClient.ConnectAsync("docker", TlsTestBed.Host);
                Assert.Equal("Docker", client.Connection.Engine);
            }
        }

        [Fact]
        public async Task Explicit_options_beat_the_environment()
        {
            using (Env("1", TlsTestBed.OtherDir))
            {
                await using var client = await OciClient.ConnectAsync(new DockerDriver(), TlsTestBed.Host, TlsTestBed.Options(TlsTestBed.Good()));
                Assert.Equal("Docker", client.Connection.Engine);
            }
        }

        [Fact]
        public async Task The_environment_does_not_apply_to_a_unix_socket()
        {
            using (Env("1", TlsTestBed.OtherDir))
            {
                await using var client = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
                Assert.False(client.Connection.IsEncrypted);
            }
        }

        [Fact]
        public async Task Discovery_reads_its_own_environment_not_the_process_one()
        {
            // The process says TLS; the environment discovery was given does not: its candidate is plain.
            using var box = new DiscoverySandbox();
            box.Variables["DOCKER_HOST"] = TlsTestBed.Host;
            using (Env("1", TlsTestBed.ClientDir))
            {
                var e = await Assert.ThrowsAsync<OciDiscoveryException>(() => OciEngines.DiscoverAsync(box.Options()));
                Assert.Contains("speaks TLS", e.Attempts[0].Failure);

                // And the other way round: the process says nothing wrong, discovery's environment says TLS.
                box.Variables["DOCKER_TLS_VERIFY"] = "1";
                box.Variables["DOCKER_CERT_PATH"] = TlsTestBed.ClientDir;
                using (Env("1", TlsTestBed.OtherDir))
                {
                    var result = await OciEngines.DiscoverAsync(box.Options());
                    await using var _ = result.Client;
                    Assert.True(result.Client.Connection.IsEncrypted);
                }
            }
        }

        [Fact]
        public async Task Discovery_with_the_process_environment_connects()
        {
            using var env = new ProcessEnvironment(("DOCKER_HOST", TlsTestBed.Host), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", TlsTestBed.ClientDir), ("DOCKER_CONTEXT", null));
            var result = await OciEngines.DiscoverAsync();
            await using var _ = result.Client;
            Assert.Equal(OciEndpointSource.DockerHost, result.Candidate.Source);
            Assert.True(result.Client.Connection.IsEncrypted);
        }
    }
}
