using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Drivers.Podman;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>
    /// Connecting to the test bed's dockerd over TLS (tcp://127.0.0.1:2376, --tlsverify) with the right, wrong and
    /// missing certificates. Nothing here touches the process environment.
    /// </summary>
    public sealed class TlsConnectTests
    {
        public TlsConnectTests() => TlsTestBed.RequireFiles();

        private static async Task<OciClient> ConnectAsync(OciTlsSettings? tls, string? endpoint = null, IOciDriver? driver = null) =>
            await OciClient.ConnectAsync(driver ?? new DockerDriver(), endpoint ?? TlsTestBed.Host,
                tls is null ? new OciConnectOptions() : TlsTestBed.Options(tls));

        private static async Task<OciException> RefusedAsync(OciTlsSettings? tls, string? endpoint = null, IOciDriver? driver = null)
        {
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => ConnectAsync(tls, endpoint, driver));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
            return e;
        }

        [Fact]
        public async Task Connects_with_the_right_certificates()
        {
            await using var client = await ConnectAsync(TlsTestBed.Good());
            Assert.Equal("Docker", client.Connection.Engine);
            Assert.Equal(TlsTestBed.Host, client.Connection.Endpoint?.ToString());
            Assert.False(string.IsNullOrEmpty(client.Connection.EngineVersion));
            Assert.True(client.Connection.IsEncrypted);
            // Both transports speak TLS: the raw one (PING) and Docker.DotNet's (VERSION, LIST).
            var ping = await client.ExecuteAsync(new OciRequest(OciMethods.Ping));
            Assert.Equal("Docker", ((OciPing)ping.Data!).Engine);
            var version = await client.ExecuteAsync(new OciRequest(OciMethods.Version));
            Assert.NotNull(version.Data);
            await client.ExecuteAsync(new OciRequest(OciMethods.List, OciKind.Image));
        }

        [Fact]
        public async Task Connects_with_an_EC_client_key()
        {
            await using var client = await ConnectAsync(OciTlsSettings.FromDirectory(TlsTestBed.EcClientDir));
            Assert.Equal("Docker", client.Connection.Engine);
        }

        [Fact]
        public async Task Connects_by_localhost_too_which_the_certificate_names()
        {
            await using var client = await ConnectAsync(TlsTestBed.Good(), $"tcp://localhost:{TlsTestBed.EndPoint.Port}");
            Assert.Equal("Docker", client.Connection.Engine);
        }

        [Fact]
        public async Task An_https_endpoint_takes_the_settings_too()
        {
            await using var client = await ConnectAsync(TlsTestBed.Good(), TlsTestBed.Host.Replace("tcp://", "https://"));
            Assert.Equal("Docker", client.Connection.Engine);
        }

        [Fact]
        public async Task The_podman_driver_applies_TLS_too()
        {
            // dockerd is not Podman: the podman driver refuses it, which it can only tell after a ping over TLS.
            var e = await RefusedAsync(TlsTestBed.Good(), driver: new PodmanDriver());
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("which the podman driver does not serve", e.Message);
        }

        [Fact]
        public async Task Without_a_client_certificate_the_engine_refuses_clearly()
        {
            var e = await RefusedAsync(new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir)));
            Assert.Equal(OciErrorKind.Unauthorized, e.Kind);
            Assert.Contains("refused the TLS connection", e.Message);
            Assert.Contains("no client certificate was given", e.Message);
            Assert.Contains("-CertificatePath", e.Message);
        }

        [Fact]
        public async Task A_client_certificate_of_another_CA_is_refused()
        {
            // The engine's certificate is trusted (right ca.pem), but the client's is signed by an unrelated CA.
            var e = await RefusedAsync(new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir), TlsTestBed.Cert(TlsTestBed.OtherDir), TlsTestBed.Key(TlsTestBed.OtherDir)));
            Assert.Equal(OciErrorKind.Unauthorized, e.Kind);
            Assert.Contains("refused the TLS connection", e.Message);
            Assert.Contains("was not accepted", e.Message);
            Assert.Contains(TlsTestBed.Cert(TlsTestBed.OtherDir), e.Message);
        }

        [Fact]
        public async Task Verification_is_on_by_default_a_CA_that_did_not_sign_the_engine_is_not_trusted()
        {
            var e = await RefusedAsync(OciTlsSettings.FromDirectory(TlsTestBed.OtherDir));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("certificate was not trusted", e.Message);
            Assert.Contains(TlsTestBed.Ca(TlsTestBed.OtherDir), e.Message);
            Assert.Contains("-CertificatePath", e.Message);
            Assert.Contains("DOCKER_CERT_PATH", e.Message);
        }

        [Fact]
        public async Task Without_ca_pem_the_system_roots_decide_and_they_do_not_know_the_test_CA()
        {
            var e = await RefusedAsync(new OciTlsSettings(null, TlsTestBed.Cert(TlsTestBed.ClientDir), TlsTestBed.Key(TlsTestBed.ClientDir)));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("certificate was not trusted", e.Message);
            Assert.Contains("root this system trusts", e.Message);
        }

        [Fact]
        public async Task A_host_name_the_certificate_does_not_carry_is_not_trusted()
        {
            // 127.0.0.2 reaches dockerd through a forwarder; its certificate names 127.0.0.1 and localhost only.
            using var forwarder = new TcpForwarder(IPAddress.Parse("127.0.0.2"), TlsTestBed.EndPoint);
            var e = await RefusedAsync(TlsTestBed.Good(), $"tcp://127.0.0.2:{forwarder.Port}");
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("not valid for '127.0.0.2'", e.Message);

            // The same path with verification off connects: the forwarder works.
            await using var client = await ConnectAsync(TlsTestBed.Good(verify: false), $"tcp://127.0.0.2:{forwarder.Port}");
            Assert.Equal("Docker", client.Connection.Engine);
        }

        [Fact]
        public async Task Verify_false_connects_even_with_a_CA_that_did_not_sign_the_engine()
        {
            var tls = new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.OtherDir), TlsTestBed.Cert(TlsTestBed.ClientDir), TlsTestBed.Key(TlsTestBed.ClientDir), verify: false);
            await using var client = await ConnectAsync(tls);
            Assert.Equal("Docker", client.Connection.Engine);
        }

        [Fact]
        public async Task Plain_tcp_to_the_TLS_port_fails_clearly_and_fast()
        {
            Assert.Null(Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY")); // this class relies on a plain process environment
            var e = await RefusedAsync(null);
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("speaks TLS", e.Message);
            Assert.Contains("DOCKER_TLS_VERIFY", e.Message);
            Assert.Contains("-CertificatePath", e.Message);
        }

        [Fact]
        public async Task TLS_to_a_plain_HTTP_port_fails_clearly()
        {
            // The open registry speaks plain HTTP.
            var e = await RefusedAsync(TlsTestBed.Good(), "tcp://" + TestBed.Registry);
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("TLS handshake failed", e.Message);
        }

        [Fact]
        public async Task A_TLS_port_that_never_answers_costs_the_connect_timeout_not_a_hang()
        {
            using var silent = new SilentPort();
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new DockerDriver(), $"tcp://127.0.0.1:{silent.Port}", TlsTestBed.Options(TlsTestBed.Good(), TimeSpan.FromSeconds(2))));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}"); // hang guard: the port never answers
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            Assert.Contains("did not answer a ping within 2 s", e.Message);
        }

        [Fact]
        public async Task A_missing_PEM_file_is_an_invalid_argument_naming_it()
        {
            var missing = Path.Combine(Path.GetTempPath(), "oci-no-such-dir", "key.pem");
            var e = await RefusedAsync(new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir), TlsTestBed.Cert(TlsTestBed.ClientDir), missing));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(missing, e.Message);
            Assert.Contains("does not exist", e.Message);

            var missingCa = Path.Combine(Path.GetTempPath(), "oci-no-such-dir", "ca.pem");
            e = await RefusedAsync(new OciTlsSettings(missingCa));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(missingCa, e.Message);
        }

        [Fact]
        public async Task A_certificate_without_its_key_is_an_invalid_argument()
        {
            var e = await RefusedAsync(new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir), TlsTestBed.Cert(TlsTestBed.ClientDir)));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("without its key", e.Message);
        }

        [Fact]
        public async Task TLS_settings_on_a_plain_http_endpoint_are_an_invalid_argument()
        {
            var e = await RefusedAsync(TlsTestBed.Good(), TlsTestBed.Host.Replace("tcp://", "http://"));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("plain HTTP", e.Message);
        }

        [Fact]
        public async Task TLS_settings_do_not_apply_to_a_unix_socket()
        {
            // As docker -H unix://... --tlsverify: the socket is plain, the settings are ignored.
            await using var client = await ConnectAsync(TlsTestBed.Good(), TestBed.DockerHost);
            Assert.Equal("Docker", client.Connection.Engine);
            Assert.False(client.Connection.IsEncrypted);
        }
    }
}
