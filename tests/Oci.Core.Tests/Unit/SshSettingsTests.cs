using System;
using System.Linq;
using Oci.Transport.Ssh;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>ssh settings and the ssh command lines made of them: what ssh is asked to run, and what is refused before it runs.</summary>
    public sealed class SshSettingsTests
    {
        private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

        [Fact]
        public void The_command_line_is_batch_mode_then_the_settings_then_the_host_after_a_double_dash()
        {
            var settings = new OciSshSettings(identityFile: "/keys/id", options: new[] { "UserKnownHostsFile=/kh" }, configFile: "/cfg");
            var route = SshCommandLine.Routes(OciEndpoint.Parse("ssh://me@build01:2222"), settings, TenSeconds)[0];
            Assert.Equal(new[]
            {
                "-F", "/cfg", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=/kh", "-i", "/keys/id", "-o", "IdentitiesOnly=yes",
                "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3", "-l", "me", "-p", "2222", "--", "build01", "docker system dial-stdio",
            }, route.Arguments);
        }

        [Fact]
        public void Without_settings_only_batch_mode_and_the_keepalives_are_added()
        {
            var route = SshCommandLine.Routes(OciEndpoint.Parse("ssh://[::1]"), null, System.Threading.Timeout.InfiniteTimeSpan)[0];
            Assert.Equal(new[] { "-o", "BatchMode=yes", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3", "--", "::1", "docker system dial-stdio" }, route.Arguments);
        }

        [Theory]
        [InlineData("ssh://h", null, "docker system dial-stdio", "podman system dial-stdio")]
        [InlineData("ssh://h", "podman", "podman system dial-stdio", "docker system dial-stdio")]
        [InlineData("ssh://h/run/podman/podman.sock", null, "docker --host unix:///run/podman/podman.sock system dial-stdio", "podman --url unix:///run/podman/podman.sock system dial-stdio")]
        [InlineData("ssh://h/run/x;rm%20-rf/e$x.sock", "podman", "podman --url 'unix:///run/x;rm%20-rf/e$x.sock' system dial-stdio", "docker --host 'unix:///run/x;rm%20-rf/e$x.sock' system dial-stdio")]
        public void The_routes_are_the_preferred_CLIs_dial_stdio_then_the_others(string endpoint, string? cli, string first, string second)
        {
            var routes = SshCommandLine.Routes(OciEndpoint.Parse(endpoint), new OciSshSettings(remoteCli: cli), TenSeconds);
            Assert.Equal(new[] { first, second }, routes.Select(r => r.RemoteCommand));
            Assert.All(routes, r => Assert.Equal(r.RemoteCommand, r.Arguments.Last()));
        }

        [Fact]
        public void A_remote_shell_word_with_a_quote_stays_one_word()
        {
            Assert.Equal("'a'\\''b'", SshCommandLine.ShellWord("a'b"));
            Assert.Equal("unix:///run/docker.sock", SshCommandLine.ShellWord("unix:///run/docker.sock"));
        }

        [Theory]
        [InlineData("-oProxyCommand=x")]
        [InlineData("me@there")]
        [InlineData("two words")]
        public void A_user_that_is_not_a_user_name_is_refused(string user)
        {
            var e = Assert.Throws<OciException>(() => new OciSshSettings(user: user));
            Assert.Equal((OciErrorKind.InvalidArgument, user), (e.Kind, e.Target));
        }

        [Theory]
        [InlineData("NoEquals")]
        [InlineData("=value")]
        [InlineData("Bad-Name=1")]
        [InlineData("Name=line\nbreak")]
        public void An_option_that_is_not_Name_equals_value_is_refused(string option)
        {
            var e = Assert.Throws<OciException>(() => new OciSshSettings(options: new[] { option }));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("Name=value", e.Message);
        }

        [Fact]
        public void The_remote_CLI_is_docker_or_podman()
        {
            Assert.Equal("podman", new OciSshSettings(remoteCli: "Podman").RemoteCli);
            var e = Assert.Throws<OciException>(() => new OciSshSettings(remoteCli: "nerdctl"));
            Assert.Equal((OciErrorKind.InvalidArgument, "nerdctl"), (e.Kind, e.Target));
        }

        [Fact]
        public void Combined_settings_take_each_value_from_the_top_and_put_its_options_first()
        {
            var top = new OciSshSettings(identityFile: "/top", options: new[] { "A=1" }, source: "caller");
            var under = new OciSshSettings(identityFile: "/under", user: "u", options: new[] { "A=2", "B=3" }, remoteCli: "podman", source: "CONTAINER_SSHKEY");
            var both = OciSshSettings.Combine(top, under)!;
            Assert.Equal(("/top", "u", "podman"), (both.IdentityFile, both.User, both.RemoteCli));
            Assert.Equal(new[] { "A=1", "A=2", "B=3" }, both.Options);
            Assert.Equal("caller, CONTAINER_SSHKEY", both.Source);
            Assert.Same(under, OciSshSettings.Combine(null, under));
            Assert.Same(top, OciSshSettings.Combine(top, null));
        }

        [Fact]
        public void The_string_form_names_options_but_not_their_values()
        {
            var text = new OciSshSettings(identityFile: "/k", options: new[] { "IdentityAgent=/run/agent-sock-value" }).ToString();
            Assert.Contains("key /k", text);
            Assert.Contains("IdentityAgent", text);
            Assert.DoesNotContain("agent-sock-value", text);
        }

        [Fact]
        public void Two_different_users_are_refused_and_the_destination_names_the_one_used()
        {
            var e = Assert.Throws<OciException>(() => SshCommandLine.User(OciEndpoint.Parse("ssh://a@h"), new OciSshSettings(user: "b")));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Equal("a", SshCommandLine.User(OciEndpoint.Parse("ssh://a@h"), new OciSshSettings(user: "a")));
            Assert.Equal("b@h:2200", SshCommandLine.Destination(OciEndpoint.Parse("ssh://h:2200"), "b"));
            Assert.Equal("[::1]", SshCommandLine.Destination(OciEndpoint.Parse("ssh://[::1]"), null));
        }

        [Fact]
        public void Connect_options_and_candidates_carry_ssh_settings_for_ssh_endpoints_only()
        {
            var ssh = new OciSshSettings(identityFile: "/k");
            Assert.Same(ssh, new OciConnectOptions { Ssh = ssh }.Clone().Ssh);
            Assert.Same(ssh, new OciEndpointCandidate("ssh://h", OciEndpointSource.ContainerHost, "CONTAINER_HOST", ssh: ssh).Ssh);
            Assert.Null(new OciEndpointCandidate("unix:///x.sock", OciEndpointSource.ContainerHost, "CONTAINER_HOST", ssh: ssh).Ssh);
        }
    }
}
