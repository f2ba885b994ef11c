using Oci.Drivers.Docker;
using Oci.Transport;
using Xunit;

namespace Oci.Tests.Unit
{
    public class OciEndpointTests
    {
        [Theory]
        [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock", "unix")]
        [InlineData("UNIX:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock", "unix")]
        [InlineData(" tcp://127.0.0.1:2375 ", "tcp://127.0.0.1:2375", "tcp")]
        [InlineData("tcp://engine.example", "tcp://engine.example:2375", "tcp")]
        [InlineData("tcp://[::1]:2376", "tcp://[::1]:2376", "tcp")]
        [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080", "http")]
        [InlineData("https://engine.example", "https://engine.example:443", "https")]
        [InlineData("npipe:////./pipe/docker_engine", "npipe:////./pipe/docker_engine", "npipe")]
        [InlineData("npipe://./pipe/docker_engine", "npipe:////./pipe/docker_engine", "npipe")]
        [InlineData("npipe:////./pipe/podman-machine-default", "npipe:////./pipe/podman-machine-default", "npipe")]
        [InlineData("ssh://me@host", "ssh://me@host", "ssh")]
        [InlineData("ssh://me@host:2222/run/podman/podman.sock", "ssh://me@host:2222/run/podman/podman.sock", "ssh")]
        [InlineData("ssh://[::1]:22", "ssh://[::1]:22", "ssh")]
        [InlineData("mem://anything-a-custom-driver-reads", "mem://anything-a-custom-driver-reads", "mem")]
        public void Valid_endpoints_are_normalised(string given, string display, string scheme)
        {
            var e = OciEndpoint.Parse(given);
            Assert.Equal(display, e.ToString());
            Assert.Equal(scheme, e.Scheme);
            Assert.Equal(given.Trim(), e.Text);
        }

        [Fact]
        public void The_parts_are_read_once()
        {
            var tcp = OciEndpoint.Parse("tcp://[::1]:2376");
            Assert.Equal(("::1", 2376, true, true, true), (tcp.Host, tcp.Port, tcp.IsTcp, tcp.TakesTls, tcp.IsLoopback));
            var unix = OciEndpoint.Parse("unix:///run/x.sock");
            Assert.Equal(("/run/x.sock", true, true, false), (unix.Path, unix.IsUnixSocket, unix.IsLocal, unix.TakesTls));
            var pipe = OciEndpoint.Parse("npipe://./pipe/docker_engine");
            Assert.Equal(("docker_engine", true), (pipe.Path, pipe.IsLocal));
            var ssh = OciEndpoint.Parse("ssh://root@127.0.0.1:2222/var/run/docker.sock");
            Assert.Equal(("root", "127.0.0.1", 2222, "/var/run/docker.sock", false), (ssh.User, ssh.Host, ssh.Port, ssh.Path, ssh.IsLocal));
            Assert.False(OciEndpoint.Parse("tcp://10.1.2.3:2375").IsLocal);
            Assert.True(OciEndpoint.Parse("http://localhost").IsLoopback);
        }

        [Fact]
        public void Both_named_pipe_spellings_are_the_same_endpoint() =>
            Assert.Equal(OciEndpoint.Parse("npipe:////./pipe/docker_engine"), OciEndpoint.Parse("NPIPE://./pipe/DOCKER_ENGINE"));

        [Fact]
        public void Socket_paths_are_case_sensitive() =>
            Assert.NotEqual(OciEndpoint.Parse("unix:///run/A.sock"), OciEndpoint.Parse("unix:///run/a.sock"));

        [Theory]
        [InlineData("")]
        [InlineData("/var/run/docker.sock")]
        [InlineData("unix://relative.sock")]
        [InlineData("tcp://")]
        [InlineData("tcp://host:2375/path")]
        [InlineData("tcp://user:pw@host:2375")]
        [InlineData("tcp://host:2375?x=1")]
        [InlineData("tcp://host:")]
        [InlineData("tcp://host:0")]
        [InlineData("tcp://host:65536")]
        [InlineData("tcp://[::1")]
        [InlineData("tcp://ho st:1")]
        [InlineData("npipe://pipe")]
        [InlineData("npipe:////./pipe/")]
        [InlineData("tcp://host:notaport")]
        [InlineData("ssh://user:password@host")]
        [InlineData("ssh://@host")]
        [InlineData("s h://x")]
        [InlineData("unix:///a\u0000b")]
        public void Invalid_endpoints_are_invalid_arguments_naming_the_endpoint(string given)
        {
            var e = Assert.Throws<OciException>(() => OciEndpoint.Parse(given));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(given, e.Target);
            Assert.False(OciEndpoint.TryParse(given, out _, out var problem));
            Assert.False(string.IsNullOrEmpty(problem));
        }

        [Fact]
        public void A_huge_endpoint_is_refused_without_being_echoed()
        {
            var e = Assert.Throws<OciException>(() => OciEndpoint.Parse("tcp://" + new string('h', 100_000)));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.True(e.Message.Length < 1000, $"the message is {e.Message.Length} characters long");
        }

        [Fact]
        public void Requests_to_sockets_are_addressed_to_localhost_and_to_tcp_engines_by_host_and_port()
        {
            Assert.Equal("http://localhost/", EngineTransport.BaseUri(OciEndpoint.Parse("unix:///x.sock"), false).ToString());
            Assert.Equal("https://[::1]:2376/", EngineTransport.BaseUri(OciEndpoint.Parse("tcp://[::1]:2376"), true).ToString());
            Assert.Equal("http://engine.example:2375/", EngineTransport.BaseUri(OciEndpoint.Parse("tcp://engine.example"), false).ToString());
        }

        [Theory]
        [InlineData("1.41", "1.41")]
        [InlineData("1.52", "1.52")]
        [InlineData("1.99", "1.52")]
        [InlineData("2.0", "1.52")]
        [InlineData(null, "1.24")]
        [InlineData("garbage", "1.24")]
        public void The_api_version_is_the_engines_capped_at_what_the_driver_models(string? announced, string expected) =>
            Assert.Equal(expected, DockerApi.Negotiate(announced).ToString(2));
    }
}
