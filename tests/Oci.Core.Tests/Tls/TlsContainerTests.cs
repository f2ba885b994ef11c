using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>
    /// Containers over the TLS listener: EXEC's upgraded connection (a connection of its own, outside the pooled
    /// transport) speaks TLS with the client certificate too, and ends stdin with close_notify and a half-close.
    /// </summary>
    [Collection(DockerCollection.Name)]
    public sealed class TlsContainerTests
    {
        public TlsContainerTests() => TlsTestBed.RequireFiles();

        [Fact]
        public async Task Exec_with_input_and_logs_work_over_TLS()
        {
            await using var client = await OciClient.ConnectAsync(new DockerDriver(), TlsTestBed.Host, TlsTestBed.Options(TlsTestBed.Good()));
            var name = "oci-tls-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var spec = new OciContainerSpec { Image = TestBed.Small, Name = name, Command = new[] { "sh", "-c", "echo ready; sleep 60" }, NetworkMode = "none" };
            await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Container, null, spec));
            try
            {
                await client.ExecuteAsync(new OciRequest(OciMethods.Start, OciKind.Container, name));
                var exec = (OciExecResult)(await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Exec, OciKind.Container, name,
                    new OciExecOptions { Command = new[] { "sh", "-c", "cat; echo done >&2" }, Input = "over tls\n" }))).Data!;
                Assert.Equal(("over tls\n", "done\n", 0), (exec.Stdout, exec.Stderr, exec.ExitCode));
                var lines = new List<string>();
                await foreach (var line in client.StreamAsync<OciLogLine>(OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, name, new OciContainerLogOptions())))
                    lines.Add(line.Text);
                Assert.Equal(new[] { "ready" }, lines);
            }
            finally
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Container, name, new OciContainerRemoveOptions { Force = true }));
            }
        }
    }
}
