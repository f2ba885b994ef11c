using System;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Ssh
{
    /// <summary>
    /// EXEC over ssh://: its upgraded connection is an ssh process of its own, and closing ssh's stdin ends the command's
    /// stdin (dial-stdio passes the half-close on) while its output still comes; on both engines.
    /// </summary>
    [Collection(DockerCollection.Name)]
    public sealed class SshContainerTests
    {
        public static TheoryData<string, string> Engines() => new()
        {
            { "docker", SshTestBed.Endpoint },
            { "podman", SshTestBed.PodmanEndpoint },
        };

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task Exec_with_input_works_over_ssh(string driver, string endpoint)
        {
            await using var client = await OciClient.ConnectAsync(driver, endpoint, SshTestBed.Options());
            var name = "oci-ssh-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var spec = new OciContainerSpec { Image = TestBed.Small, Name = name, Command = new[] { "sleep", "60" }, NetworkMode = "none" };
            await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Container, null, spec));
            try
            {
                await client.ExecuteAsync(new OciRequest(OciMethods.Start, OciKind.Container, name));
                var exec = (OciExecResult)(await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Exec, OciKind.Container, name,
                    new OciExecOptions { Command = new[] { "sh", "-c", "cat; echo done >&2; exit 2" }, Input = "over ssh\n" }))).Data!;
                Assert.Equal(("over ssh\n", "done\n", 2), (exec.Stdout, exec.Stderr, exec.ExitCode));
            }
            finally
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Container, name, new OciContainerRemoveOptions { Force = true }));
            }
        }
    }
}
