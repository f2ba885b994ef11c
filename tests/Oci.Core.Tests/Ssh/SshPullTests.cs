using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Oci.Conformance;
using Oci.Credentials;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Ssh
{
    /// <summary>A pull over ssh:// lands in the remote engine's store, with its progress, like one over the local socket.</summary>
    [Collection(DockerCollection.Name)]
    public sealed class SshPullTests
    {
        private readonly DockerFixture _docker;

        public SshPullTests(DockerFixture docker) => _docker = docker;

        [Fact]
        public async Task A_fresh_pull_over_ssh_downloads_into_the_remote_engine_with_progress()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Layers);
            await using var client = await OciClient.ConnectAsync("docker", SshTestBed.Endpoint, SshTestBed.Options());
            var progress = new RecordingProgress();
            var response = await client.PullAsync(TestBed.Layers, progress: progress);
            Assert.Equal("Downloaded newer image", response.Status);
            Assert.Equal(SshTestBed.Endpoint, response.Endpoint);
            ConformanceAssert.PullProgressIsOrderedAndComplete(progress, TestBed.Layers);
            // The remote engine is the test bed's dockerd: its local socket sees the image.
            var local = (OciImage)(await _docker.Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Image, TestBed.Layers))).Data!;
            Assert.Equal(((OciImage)response.Data!).Id, local.Id);
        }
    }

    /// <summary>
    /// Registry credentials cross ssh:// as they cross TLS: the connection is encrypted, so no
    /// AllowUnencryptedAuthentication is needed, on either engine. (Runs alone: it changes DOCKER_CONFIG, and the
    /// credential tests remove the same private image.)
    /// </summary>
    [Collection(ProcessEnvironmentCollection.Name)]
    public sealed class SshRegistryAuthTests
    {
        public static TheoryData<string, string> Engines() => new()
        {
            { "docker", SshTestBed.Endpoint },
            { "podman", SshTestBed.PodmanEndpoint },
        };

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task A_private_pull_with_credentials_works_over_ssh(string driver, string endpoint)
        {
            var config = Path.Combine(Path.GetTempPath(), "oci-docker-config-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(config);
            using var _ = new ProcessEnvironment(("DOCKER_CONFIG", config));
            await using var client = await OciClient.ConnectAsync(driver, endpoint, SshTestBed.Options());
            try
            {
                await client.ExecuteAsync(new OciRequest(OciMethods.Remove, OciKind.Image, TestBed.Private, new Dictionary<string, object?> { ["force"] = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
            Assert.False(client.Connection.Endpoint.IsLocal, "an ssh:// endpoint is not local: only its encryption lets credentials through");
            var credential = new OciRegistryCredential(TestBed.AuthUser, TestBed.AuthPassword);
            var response = await client.PullAsync(TestBed.Private, new OciPullOptions { Credential = credential });
            Assert.Equal(TestBed.Private, ((OciImage)response.Data!).Reference);
        }
    }
}
