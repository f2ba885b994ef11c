using System.Collections.Generic;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>Container input refused before anything is sent: targets, names, signals, specs.</summary>
    public class ContainerInputTests
    {
        [Theory]
        [InlineData("web", "web")]
        [InlineData("/web", "web")]
        [InlineData("0123456789ab", "0123456789ab")]
        [InlineData("my_app.v2-1", "my_app.v2-1")]
        public void Container_targets_are_names_or_ids(string target, string resolved) =>
            Assert.Equal(resolved, ContainerTarget.Resolve(new OciRequest(OciMethods.Start, OciKind.Container, target)));

        [Theory]
        [InlineData("a/b")]
        [InlineData("../x")]
        [InlineData("-web")]
        [InlineData("web?x=1")]
        [InlineData("")]
        public void Other_targets_are_InvalidArgument_naming_them(string target)
        {
            var e = Assert.Throws<OciException>(() => ContainerTarget.Resolve(new OciRequest(OciMethods.Start, OciKind.Container, target)));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
        }

        [Theory]
        [InlineData(null, "SIGKILL")]
        [InlineData("term", "SIGTERM")]
        [InlineData("SIGHUP", "SIGHUP")]
        [InlineData("9", "9")]
        [InlineData("RTMIN+3", "SIGRTMIN+3")]
        public void Signals_are_names_or_numbers(string? given, string sent) => Assert.Equal(sent, Signals.Check(given));

        [Theory]
        [InlineData("NOPE")]
        [InlineData("0")]
        [InlineData("65")]
        [InlineData("KILL; rm")]
        public void Other_signals_are_refused(string given) =>
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => Signals.Check(given)).Kind);

        [Fact]
        public void A_spec_maps_to_the_create_body()
        {
            var spec = new OciContainerSpec
            {
                Image = "alpine:3.20",
                Name = "web",
                Environment = new Dictionary<string, string> { ["A"] = "1" },
                Ports = new[] { new OciPortBinding { ContainerPort = 80, HostPort = 8080, HostIp = "127.0.0.1" }, new OciPortBinding { ContainerPort = 53, Protocol = "UDP" } },
                Mounts = new[] { new OciMount { Type = OciMountType.Tmpfs, Target = "/t" } },
                RestartPolicy = OciRestartPolicy.UnlessStopped,
                Cpus = 1.5,
            };
            var (image, reference, name, body) = ContainerSpecMapper.Build(new OciRequest(OciMethods.Create, OciKind.Container), spec, autoRemove: false);
            Assert.Equal(("alpine:3.20", "docker.io/library/alpine:3.20", "web"), (image, reference!.ToString(), name));
            Assert.Equal(new[] { "A=1" }, body.Env);
            Assert.Equal(new[] { "53/udp", "80/tcp" }, new SortedSet<string>(body.ExposedPorts!.Keys));
            Assert.Equal("8080", body.HostConfig!.PortBindings!["80/tcp"]![0].HostPort);
            Assert.Equal(string.Empty, body.HostConfig.PortBindings["53/udp"]![0].HostPort);
            Assert.Equal(("unless-stopped", 1_500_000_000L, "tmpfs"), (body.HostConfig.RestartPolicy!.Name, body.HostConfig.NanoCpus, body.HostConfig.Mounts![0].Type));
        }

        [Fact]
        public void The_image_comes_from_the_spec_or_the_target_but_not_two()
        {
            Assert.Equal("busybox", ContainerSpecMapper.Build(new OciRequest(OciMethods.Create, OciKind.Container, "busybox"), new OciContainerSpec(), false).Image);
            var e = Assert.Throws<OciException>(() => ContainerSpecMapper.Build(new OciRequest(OciMethods.Create, OciKind.Container, "busybox"), new OciContainerSpec { Image = "alpine" }, false));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => ContainerSpecMapper.Build(new OciRequest(OciMethods.Create, OciKind.Container), new OciContainerSpec(), false)).Kind);
        }

        [Fact]
        public void Enum_parameters_take_dashes_and_underscores()
        {
            var request = new OciRequest(OciMethods.Create, OciKind.Container, "busybox", new Dictionary<string, object?> { ["restartPolicy"] = "on-failure", ["pullPolicy"] = "NEVER" });
            var spec = OptionsBinder.Bind<OciContainerSpec>(request);
            Assert.Equal((OciRestartPolicy.OnFailure, OciPullPolicy.Never), (spec.RestartPolicy, spec.PullPolicy));
            var wait = OptionsBinder.Bind<OciContainerWaitOptions>(new OciRequest(OciMethods.Wait, OciKind.Container, "c", new Dictionary<string, object?> { ["condition"] = "next_exit" }));
            Assert.Equal(OciWaitCondition.NextExit, wait.Condition);
        }

        [Fact]
        public void Stdin_and_secret_looking_environment_values_never_show_in_the_request_line()
        {
            var exec = OciRequest.WithOptions(OciMethods.Exec, OciKind.Container, "web", new OciExecOptions { Command = new[] { "cat" }, Input = "hunter2-stdin" });
            Assert.DoesNotContain("hunter2-stdin", exec.ToString());
            Assert.Contains("input=***", exec.ToString());
            var create = OciRequest.WithOptions(OciMethods.Create, OciKind.Container, null, new OciContainerSpec
            {
                Image = "busybox",
                Environment = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2-env", ["MODE"] = "test" },
            });
            Assert.DoesNotContain("hunter2-env", create.ToString());
            Assert.Contains("MODE=test", create.ToString());
            var bound = new OciRequest(OciMethods.Exec, OciKind.Container, "web", new Dictionary<string, object?> { ["command"] = new[] { "cat" }, ["input"] = new System.Version(4, 2, 7) });
            var e = Assert.Throws<OciException>(() => OptionsBinder.Bind<OciExecOptions>(bound));
            Assert.DoesNotContain("4.2.7", e.Message);
        }
    }
}
