using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    public class DockerEndpointTests
    {
        [Theory]
        [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock", "unix")]
        [InlineData("UNIX:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock", "unix")]
        [InlineData("tcp://127.0.0.1:2375", "tcp://127.0.0.1:2375", "http")]
        [InlineData("tcp://engine.example", "tcp://engine.example:2375", "http")]
        [InlineData("tcp://[::1]:2376", "tcp://[::1]:2376", "http")]
        [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080", "http")]
        [InlineData("https://engine.example", "https://engine.example:443", "https")]
        [InlineData("npipe:////./pipe/docker_engine", "npipe:////./pipe/docker_engine", "npipe")]
        [InlineData("npipe://./pipe/docker_engine", "npipe:////./pipe/docker_engine", "npipe")]
        [InlineData("npipe:////./pipe/podman-machine-default", "npipe:////./pipe/podman-machine-default", "npipe")]
        public void Valid_endpoints_are_normalised(string given, string display, string scheme)
        {
            var e = DockerEndpoint.Parse(given);
            Assert.Equal(display, e.Display);
            Assert.Equal(scheme, e.Uri.Scheme);
        }

        [Fact]
        public void Both_named_pipe_spellings_reach_the_same_pipe() =>
            Assert.Equal(DockerEndpoint.Parse("npipe:////./pipe/docker_engine").Uri, DockerEndpoint.Parse("npipe://./pipe/docker_engine").Uri);

        [Theory]
        [InlineData("")]
        [InlineData("/var/run/docker.sock")]
        [InlineData("unix://relative.sock")]
        [InlineData("ftp://host")]
        [InlineData("tcp://")]
        [InlineData("tcp://host:2375/path")]
        [InlineData("tcp://user:pw@host:2375")]
        [InlineData("tcp://host:2375?x=1")]
        [InlineData("npipe://pipe")]
        [InlineData("npipe:////./pipe/")]
        [InlineData("tcp://host:notaport")]
        public void Invalid_endpoints_are_invalid_arguments_naming_the_endpoint(string given)
        {
            var e = Assert.Throws<OciException>(() => DockerEndpoint.Parse(given));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(given, e.Target);
        }

        [Fact]
        public void Ssh_endpoints_are_not_supported_yet()
        {
            var e = Assert.Throws<OciException>(() => DockerEndpoint.Parse("ssh://me@host"));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("not supported yet", e.Message);
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
