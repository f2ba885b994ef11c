using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Ssh
{
    /// <summary>
    /// Each way ssh fails, for real, and the error it gives: the kind, the endpoint as target, and words that say what to do.
    /// None may hang: each is guarded at ten times what it takes.
    /// </summary>
    public sealed class SshFailureTests
    {
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

        private static async Task<OciException> FailsAsync(OciErrorKind kind, string endpoint, OciSshSettings settings, OciEnvironment? environment = null)
        {
            var options = new OciConnectOptions { Ssh = settings, Environment = environment };
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", endpoint, options));
            Assert.True(watch.Elapsed < Guard, $"the failure took {watch.Elapsed}");
            Assert.True(kind == e.Kind, $"expected {kind}, got {e.Kind}: {e.Message}");
            Assert.Equal(endpoint, e.Target);
            Assert.Contains(endpoint, e.Message);
            return e;
        }

        [Fact]
        public async Task A_key_the_server_refuses_is_Unauthorized()
        {
            var e = await FailsAsync(OciErrorKind.Unauthorized, SshTestBed.Endpoint, SshTestBed.Settings(key: SshTestBed.OtherKey));
            Assert.Contains("Permission denied", e.Message);
            Assert.Contains("ssh-agent", e.Message);
        }

        [Fact]
        public async Task An_unknown_host_key_is_a_host_key_error_that_says_so()
        {
            var empty = System.IO.Path.GetTempFileName();
            try
            {
                var e = await FailsAsync(OciErrorKind.EngineUnavailable, SshTestBed.Endpoint, SshTestBed.Settings(knownHosts: empty));
                Assert.Contains("host key", e.Message);
                Assert.Contains("is not known", e.Message);
                Assert.Contains("batch mode", e.Message);
            }
            finally
            {
                System.IO.File.Delete(empty);
            }
        }

        [Fact]
        public async Task A_changed_host_key_is_a_host_key_error_that_says_so()
        {
            var e = await FailsAsync(OciErrorKind.EngineUnavailable, SshTestBed.Endpoint, SshTestBed.Settings(knownHosts: SshTestBed.ChangedKnownHosts));
            Assert.Contains("host key", e.Message);
            Assert.Contains("CHANGED", e.Message);
        }

        [Fact]
        public async Task A_closed_port_is_EngineUnavailable()
        {
            var e = await FailsAsync(OciErrorKind.EngineUnavailable, SshTestBed.ClosedEndpoint(), SshTestBed.Settings());
            Assert.Contains("connection refused", e.Message);
        }

        [Fact]
        public async Task A_remote_without_an_engine_CLI_says_neither_docker_nor_podman_is_there()
        {
            var e = await FailsAsync(OciErrorKind.EngineUnavailable, SshTestBed.BareEndpoint, SshTestBed.Settings());
            Assert.Contains("no engine CLI", e.Message);
            Assert.Contains("docker is not on the remote host's PATH", e.Message);
            Assert.Contains("podman is not on the remote host's PATH", e.Message);
        }

        [Fact]
        public async Task No_ssh_on_PATH_is_Unsupported_naming_ssh()
        {
            var box = new Discovery.DiscoverySandbox();
            try
            {
                // PATH holds only the sandbox's empty bin folder: no ssh anywhere on it.
                box.Variables["PATH"] = box.Bin;
                var e = await FailsAsync(OciErrorKind.Unsupported, SshTestBed.Endpoint, SshTestBed.Settings(), box.Environment());
                Assert.Contains("no 'ssh' on PATH", e.Message);
                Assert.Contains("OpenSSH", e.Message);
            }
            finally
            {
                box.Dispose();
            }
        }

        [Fact]
        public async Task A_password_in_the_endpoint_is_refused_before_anything_runs()
        {
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", "ssh://root:secret@127.0.0.1", SshTestBed.Options()));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("keys or an agent", e.Message);
        }
    }
}
