using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tests.Support;
using Oci.Tests.Unit;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>A pull over the TLS listener: the Docker.DotNet client streams through the TLS transport too.</summary>
    [Collection(DockerCollection.Name)]
    public sealed class TlsPullTests
    {
        private readonly DockerFixture _docker;

        public TlsPullTests(DockerFixture docker)
        {
            _docker = docker;
            TlsTestBed.RequireFiles();
        }

        [Fact]
        public async Task A_pull_over_TLS_works_with_progress()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Small);
            await using var client = await OciClient.ConnectAsync(new DockerDriver(), TlsTestBed.Host, TlsTestBed.Options(TlsTestBed.Good()));
            var events = new List<OciProgress>();
            var response = await client.PullAsync(TestBed.Small, null, new SyncProgress(events.Add));
            Assert.Equal("Downloaded newer image", response.Status);
            var image = Assert.IsType<OciImage>(response.Data);
            Assert.Equal(await TestBed.ManifestDigestAsync("small", "latest"), image.Digest);
            Assert.Contains(events, e => e.Phase == OciProgressPhase.Complete || e.Phase == OciProgressPhase.Downloading);

            // The same engine over its unix socket sees the image the TLS client pulled.
            var inspected = await _docker.Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Image, TestBed.Small));
            Assert.Equal(image.Id, ((OciImage)inspected.Data!).Id);
        }
    }
}
