using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;
using Xunit;

namespace Oci.Tests.Credentials
{
    /// <summary>Every credential source, their precedence and the helper protocol, with temporary stores and real helper scripts.</summary>
    public sealed class CredentialResolverTests : IDisposable
    {
        private const string Registry = "127.0.0.1:5001";
        private const string Secret = "S3cret-value-9x";
        private readonly CredentialSandbox _s = new();

        public void Dispose() => _s.Dispose();

        private Task<OciRegistryCredential?> Resolve(string host = Registry, OciCredentialOptions? options = null) =>
            OciCredentialResolver.ResolveAsync(host, options ?? _s.Options());

        [Theory]
        [InlineData("docker.io", "https://index.docker.io/v1/")]
        [InlineData("index.docker.io", "https://index.docker.io/v1/")]
        [InlineData("registry-1.docker.io", "https://index.docker.io/v1/")]
        [InlineData("https://index.docker.io/v1/", "https://index.docker.io/v1/")]
        [InlineData("Docker.IO", "https://index.docker.io/v1/")]
        [InlineData("127.0.0.1:5001", "127.0.0.1:5001")]
        [InlineData("https://127.0.0.1:5001/v2/", "127.0.0.1:5001")]
        [InlineData("http://registry.example:5000", "registry.example:5000")]
        [InlineData(" ghcr.io ", "ghcr.io")]
        public void Server_addresses_are_keyed_as_docker_keys_them(string host, string key) =>
            Assert.Equal(key, OciCredentialResolver.ServerAddressFor(host));

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("https:///v2/")]
        [InlineData("bad host")]
        public void A_host_that_is_not_one_is_InvalidArgument(string host)
        {
            var e = Assert.Throws<OciException>(() => OciCredentialResolver.ServerAddressFor(host));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
        }

        [Fact]
        public async Task Nothing_configured_means_anonymous()
        {
            Assert.Null(await Resolve());
            _s.WriteConfig("{}");
            Assert.Null(await Resolve());
        }

        [Fact]
        public async Task An_explicit_credential_beats_every_store()
        {
            SetUpAllFourSources();
            var options = _s.Options();
            options.Credential = new OciRegistryCredential("me", "explicit-pw");
            var c = await Resolve(options: options);
            Assert.Equal("me", c!.Username);
            Assert.Equal("explicit-pw", c.GetPassword());
            Assert.Equal(Registry, c.ServerAddress);
            Assert.Equal("explicit", c.Source);
        }

        [Fact]
        public async Task Precedence_is_credHelpers_then_credsStore_then_auths_then_auth_json()
        {
            SetUpAllFourSources();
            var c = await Resolve();
            Assert.Equal(("helper-user", "helper-pw", "credHelpers: docker-credential-ocitest"), (c!.Username, c.GetPassword(), c.Source));

            _s.WriteConfig("{\"credsStore\":\"ocistore\",\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("auths-user", "auths-pw") + "}}");
            c = await Resolve();
            Assert.Equal(("store-user", "store-pw", "credsStore: docker-credential-ocistore"), (c!.Username, c.GetPassword(), c.Source));

            _s.WriteConfig("{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("auths-user", "auths-pw") + "}}");
            c = await Resolve();
            Assert.Equal(("auths-user", "auths-pw"), (c!.Username, c.GetPassword()));
            Assert.Equal("auths in " + Path.Combine(_s.Box.Config, "config.json"), c.Source);

            _s.WriteConfig("{}");
            c = await Resolve();
            Assert.Equal(("podman-user", "podman-pw"), (c!.Username, c.GetPassword()));
            Assert.Equal("auths in " + Path.Combine(_s.Box.Xdg, "containers", "auth.json"), c.Source);
            Assert.All(new[] { c }, x => Assert.Equal(Registry, x.ServerAddress));
        }

        private void SetUpAllFourSources()
        {
            _s.Helper("ocitest", (Registry, "helper-user", "helper-pw"));
            _s.Helper("ocistore", (Registry, "store-user", "store-pw"));
            _s.WriteConfig("{\"credHelpers\":{\"" + Registry + "\":\"ocitest\"},\"credsStore\":\"ocistore\",\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("auths-user", "auths-pw") + "}}");
            _s.Box.Write("xdg/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("podman-user", "podman-pw") + "}}");
        }

        [Fact]
        public async Task A_helper_that_has_nothing_passes_to_the_next_source()
        {
            _s.Helper("ocitest", ("other.example", "u", "p"));
            _s.Helper("ocistore", (Registry, "store-user", "store-pw"));
            _s.WriteConfig("{\"credHelpers\":{\"" + Registry + "\":\"ocitest\"},\"credsStore\":\"ocistore\"}");
            var c = await Resolve();
            Assert.Equal("store-user", c!.Username);
        }

        [Fact]
        public async Task The_helper_protocol_is_get_with_the_server_url_on_stdin()
        {
            var helper = _s.Helper("ocitest", (Registry, "u", "p"), ("https://index.docker.io/v1/", "hubuser", "hubpw"));
            _s.WriteConfig("{\"credsStore\":\"ocitest\"}");

            await Resolve();
            Assert.Equal("get", _s.ArgsOf(helper));
            Assert.Equal(Registry, _s.StdinOf(helper)); // no trailing newline, as docker writes it

            var hub = await Resolve("docker.io");
            Assert.Equal("https://index.docker.io/v1/", _s.StdinOf(helper));
            Assert.Equal(("hubuser", "https://index.docker.io/v1/"), (hub!.Username, hub.ServerAddress));
        }

        [Fact]
        public async Task A_helper_answering_user_token_gives_an_identity_token()
        {
            _s.Helper("ocitest", (Registry, "<token>", "refresh-token-123"));
            _s.WriteConfig("{\"credHelpers\":{\"" + Registry + "\":\"ocitest\"}}");
            var c = await Resolve();
            Assert.True(c!.IsIdentityToken);
            Assert.Null(c.Username);
            Assert.Null(c.GetPassword());
            Assert.Equal("refresh-token-123", c.GetIdentityToken());
            Assert.DoesNotContain("refresh-token-123", c.ToString());
        }

        [Fact]
        public async Task A_helper_missing_from_PATH_is_a_clear_error()
        {
            _s.WriteConfig("{\"credsStore\":\"nosuchhelper\"}");
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("docker-credential-nosuchhelper is not on PATH", e.Message);
            Assert.Contains("credsStore", e.Message);
        }

        [Fact]
        public async Task Helpers_are_looked_up_on_the_environments_PATH_only()
        {
            _s.Helper("ocitest", (Registry, "u", "p"));
            _s.WriteConfig("{\"credsStore\":\"ocitest\"}");
            _s.Box.Variables["PATH"] = "/usr/bin:/bin";
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Contains("not on PATH", e.Message);
        }

        [Fact]
        public async Task A_failing_helper_is_an_error_that_never_echoes_the_secret()
        {
            _s.Script("ocitest", "cat >/dev/null\n"
                + $"printf '{{\"ServerURL\":\"x\",\"Username\":\"u\",\"Secret\":\"{Secret}\"}}'\n"
                + $"echo 'keyring exploded while handling {Secret}' >&2\n"
                + "exit 3\n");
            _s.WriteConfig("{\"credsStore\":\"ocitest\"}");
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Equal(OciErrorKind.Unauthorized, e.Kind);
            Assert.Contains("docker-credential-ocitest", e.Message);
            Assert.Contains("exit code 3", e.Message);
            Assert.Contains("keyring exploded while handling ***", e.Message);
            AssertNoSecret(e);
        }

        [Fact]
        public async Task A_helper_answering_something_other_than_json_is_an_error_without_its_output()
        {
            _s.Script("ocitest", $"cat >/dev/null\necho 'Username=u Secret={Secret}'\n");
            _s.WriteConfig("{\"credsStore\":\"ocitest\"}");
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Equal(OciErrorKind.Unauthorized, e.Kind);
            Assert.Contains("not the expected JSON", e.Message);
            AssertNoSecret(e);
        }

        [Fact]
        public async Task A_helper_that_hangs_is_stopped_at_the_timeout()
        {
            _s.Script("ocitest", "exec sleep 30\n");
            _s.WriteConfig("{\"credsStore\":\"ocitest\"}");
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve(options: _s.Options(TimeSpan.FromMilliseconds(400))));
            Assert.Equal(OciErrorKind.Timeout, e.Kind);
            Assert.Contains("did not answer within 0.4 s", e.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // hang guard (the helper sleeps 30 s)
        }

        [Fact]
        public async Task Cancelling_stops_the_helper()
        {
            _s.Script("ocitest", "exec sleep 30\n");
            _s.WriteConfig("{\"credsStore\":\"ocitest\"}");
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var e = await Assert.ThrowsAsync<OciException>(() => OciCredentialResolver.ResolveAsync(Registry, _s.Options(), cts.Token));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
        }

        [Fact]
        public async Task Auths_read_auth_username_password_and_identitytoken()
        {
            _s.WriteConfig("{\"auths\":{"
                + "\"a.example\":" + CredentialSandbox.Auth("ua", "pa:with:colons") + ","
                + "\"b.example\":{\"username\":\"ub\",\"password\":\"pb\"},"
                + "\"c.example\":{\"identitytoken\":\"tok-c\"},"
                + "\"d.example\":{\"auth\":\"" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ud:pd")) + "\",\"identitytoken\":\"tok-d\"}}}");
            var a = await Resolve("a.example");
            Assert.Equal(("ua", "pa:with:colons"), (a!.Username, a.GetPassword()));
            var b = await Resolve("b.example");
            Assert.Equal(("ub", "pb"), (b!.Username, b.GetPassword()));
            var c = await Resolve("c.example");
            Assert.Equal("tok-c", c!.GetIdentityToken());
            var d = await Resolve("d.example");
            Assert.Equal(("ud", "tok-d"), (d!.Username, d.GetIdentityToken()));
            Assert.True(d.IsIdentityToken);
        }

        [Theory]
        [InlineData("https://127.0.0.1:5001")]
        [InlineData("http://127.0.0.1:5001")]
        [InlineData("https://127.0.0.1:5001/v2/")]
        [InlineData("127.0.0.1:5001")]
        public async Task Auths_keys_written_as_urls_match_the_host(string key)
        {
            _s.WriteConfig("{\"auths\":{\"" + key + "\":" + CredentialSandbox.Auth("u", "p") + "}}");
            var c = await Resolve();
            Assert.Equal("u", c!.Username);
            Assert.Equal(Registry, c.ServerAddress);
            Assert.Null(await Resolve("127.0.0.1:5002"));
        }

        [Fact]
        public async Task The_exact_key_is_preferred_over_a_url_key()
        {
            _s.WriteConfig("{\"auths\":{\"https://127.0.0.1:5001/v1/\":" + CredentialSandbox.Auth("url", "p") + ",\"127.0.0.1:5001\":" + CredentialSandbox.Auth("exact", "p") + "}}");
            Assert.Equal("exact", (await Resolve())!.Username);
        }

        [Theory]
        [InlineData("docker.io")]
        [InlineData("index.docker.io")]
        [InlineData("registry-1.docker.io")]
        public async Task Docker_Hub_is_found_under_its_v1_key(string host)
        {
            _s.WriteConfig("{\"auths\":{\"https://index.docker.io/v1/\":" + CredentialSandbox.Auth("hubuser", "hubpw") + "}}");
            var c = await Resolve(host);
            Assert.Equal("hubuser", c!.Username);
            Assert.Equal("https://index.docker.io/v1/", c.ServerAddress);
            Assert.Equal("hubuser", (await OciCredentialResolver.ResolveForImageAsync("alpine:3.20", _s.Options()))!.Username);
            Assert.Null(await OciCredentialResolver.ResolveForImageAsync("127.0.0.1:5001/private", _s.Options()));
        }

        [Fact]
        public async Task Docker_Hub_in_podman_auth_json_is_keyed_docker_io()
        {
            _s.Box.Write("xdg/containers/auth.json", "{\"auths\":{\"docker.io\":" + CredentialSandbox.Auth("podhub", "pw") + "}}");
            var c = await Resolve("docker.io");
            Assert.Equal("podhub", c!.Username);
            Assert.Equal("https://index.docker.io/v1/", c.ServerAddress);
        }

        [Fact]
        public async Task Empty_entries_left_by_a_credsStore_are_passed_over()
        {
            _s.WriteConfig("{\"auths\":{\"" + Registry + "\":{}}}");
            Assert.Null(await Resolve());
            _s.Box.Write("xdg/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("podman-user", "p") + "}}");
            Assert.Equal("podman-user", (await Resolve())!.Username);
        }

        [Fact]
        public async Task An_auth_value_that_is_not_base64_of_user_password_is_an_error_that_does_not_show_it()
        {
            _s.WriteConfig("{\"auths\":{\"" + Registry + "\":{\"auth\":\"" + Secret + "!\"}}}");
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains($"'{Registry}'", e.Message);
            Assert.Contains("config.json", e.Message);
            Assert.Contains("not base64 of user:password", e.Message);
            AssertNoSecret(e);

            _s.WriteConfig("{\"auths\":{\"" + Registry + "\":{\"auth\":\"" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret)) + "\"}}}");
            e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            AssertNoSecret(e);
        }

        [Fact]
        public async Task A_malformed_config_json_is_an_error_naming_the_file_but_not_its_content()
        {
            _s.WriteConfig("{\"auths\":{\"" + Registry + "\":{\"password\":\"" + Secret + "\"");
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains(Path.Combine(_s.Box.Config, "config.json"), e.Message);
            Assert.Contains("not valid JSON", e.Message);
            AssertNoSecret(e);
        }

        [Fact]
        public async Task DOCKER_CONFIG_is_honoured()
        {
            _s.WriteConfig("{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("home", "p") + "}}");
            var dir = _s.Box.Dir("elsewhere");
            _s.Box.Write("elsewhere/config.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("elsewhere", "p") + "}}");
            _s.Box.Variables["DOCKER_CONFIG"] = dir;
            Assert.Equal("elsewhere", (await Resolve())!.Username);
        }

        [Fact]
        public async Task REGISTRY_AUTH_FILE_is_the_only_podman_file_when_set()
        {
            _s.Box.Write("xdg/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("xdg", "p") + "}}");
            var file = _s.Box.Write("custom/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("custom", "p") + "}}");
            _s.Box.Variables["REGISTRY_AUTH_FILE"] = file;
            Assert.Equal("custom", (await Resolve())!.Username);
            Assert.Equal(new[] { file }, OciCredentialResolver.PodmanAuthFiles(_s.Box.Environment()));

            File.Delete(file);
            Assert.Null(await Resolve());
        }

        [Fact]
        public async Task Podman_files_are_runtime_dir_then_config_home()
        {
            Assert.Equal(new[] { Path.Combine(_s.Box.Xdg, "containers", "auth.json"), Path.Combine(_s.Box.Home, ".config", "containers", "auth.json") },
                OciCredentialResolver.PodmanAuthFiles(_s.Box.Environment()));
            _s.Box.Write("home/.config/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("confighome", "p") + "}}");
            Assert.Equal("confighome", (await Resolve())!.Username);

            var xdgConfig = _s.Box.Dir("xdgconfig");
            _s.Box.Variables["XDG_CONFIG_HOME"] = xdgConfig;
            _s.Box.Write("xdgconfig/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("xdgconfig", "p") + "}}");
            Assert.Equal("xdgconfig", (await Resolve())!.Username);

            _s.Box.Write("xdg/containers/auth.json", "{\"auths\":{\"" + Registry + "\":" + CredentialSandbox.Auth("runtime", "p") + "}}");
            Assert.Equal("runtime", (await Resolve())!.Username);
        }

        [Fact]
        public async Task A_malformed_auth_json_is_an_error_naming_it()
        {
            var file = _s.Box.Write("xdg/containers/auth.json", "[\"" + Secret + "\"]");
            var e = await Assert.ThrowsAsync<OciException>(() => Resolve());
            Assert.Contains(file, e.Message);
            AssertNoSecret(e);
        }

        private static void AssertNoSecret(Exception e)
        {
            for (var x = e; x is not null; x = x.InnerException)
            {
                Assert.DoesNotContain(Secret, x.Message);
                Assert.DoesNotContain(Secret, x.ToString());
                if (x is OciException o)
                {
                    Assert.DoesNotContain(Secret, o.EngineMessage ?? string.Empty);
                    Assert.DoesNotContain(Secret, o.Target ?? string.Empty);
                }
            }
        }
    }
}
