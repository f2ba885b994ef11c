using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Conformance;
using Oci.Tests.Support;
using Oci.Tests.Unit;
using Xunit;

namespace Oci.Tests.Integration
{
    [Collection(DockerCollection.Name)]
    public class DockerPullTests
    {
        private readonly DockerFixture _docker;
        public DockerPullTests(DockerFixture docker) => _docker = docker;

        [Fact]
        public async Task Pull_small_answers_with_the_pulled_image_id_and_digest()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Small);
            var response = await _docker.Client.PullAsync(TestBed.Small);
            var image = Assert.IsType<OciImage>(response.Data);
            Assert.Equal((OciMethods.Pull, OciKind.Image, TestBed.Small), (response.Method, response.Kind, response.Target));
            Assert.Equal("Downloaded newer image", response.Status);
            Assert.Matches("^sha256:[a-f0-9]{64}$", image.Id);
            Assert.Equal(await TestBed.ManifestDigestAsync("small", "latest"), image.Digest);
            Assert.Contains(TestBed.Small, image.Tags);
            Assert.Equal(TestBed.Small, image.Reference);
            Assert.True(image.Size > 100_000);

            var again = await _docker.Client.PullAsync(TestBed.Small);
            Assert.Equal("Image is up to date", again.Status);
            Assert.Equal(image.Id, ((OciImage)again.Data!).Id);
        }

        [Fact]
        public async Task Pull_by_digest_pulls_exactly_that_manifest()
        {
            var digest = await TestBed.ManifestDigestAsync("small", "1.0");
            var reference = $"{TestBed.Registry}/small@{digest}";
            await _docker.RemoveIfPresentAsync(reference);
            var response = await _docker.Client.PullAsync(reference);
            Assert.Equal(reference, response.Target);
            Assert.Equal(digest, ((OciImage)response.Data!).Digest);
        }

        [Fact]
        public async Task Pull_big_reports_every_layer_in_order_and_ends_complete()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Big);
            var events = new List<OciProgress>();
            var response = await _docker.Client.PullAsync(TestBed.Big, null, new SyncProgress(events.Add));
            Assert.Equal("Downloaded newer image", response.Status);
            ConformanceAssert.PullProgressIsOrderedAndComplete(events, TestBed.Big);
            var big = events.Where(e => e.Total > 200_000_000).ToList();
            Assert.NotEmpty(big); // the 256 MB layer announced its size
            Assert.True(events.Count(e => e.Phase == OciProgressPhase.Downloading) > 3, "expected several download updates for a 256 MB layer");
        }

        [Fact]
        public async Task Pull_many_layers_completes_each_of_them()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Layers);
            var events = new List<OciProgress>();
            await _docker.Client.PullAsync(TestBed.Layers, null, new SyncProgress(events.Add));
            ConformanceAssert.PullProgressIsOrderedAndComplete(events, TestBed.Layers);
            var layers = events.Where(e => e.LayerId is not null).Select(e => e.LayerId).Distinct().Count();
            Assert.True(layers >= 20, $"expected 20+ layers, saw {layers}");
        }

        [Fact]
        public async Task A_missing_image_is_NotFound_naming_the_reference()
        {
            var missing = $"{TestBed.Registry}/does-not-exist:latest";
            var e = await Assert.ThrowsAsync<OciException>(() => _docker.Client.PullAsync(missing));
            Assert.Equal((OciErrorKind.NotFound, missing), (e.Kind, e.Target));
            Assert.False(string.IsNullOrEmpty(e.EngineMessage));
            var tag = $"{TestBed.Registry}/small:no-such-tag";
            Assert.Equal(OciErrorKind.NotFound, (await Assert.ThrowsAsync<OciException>(() => _docker.Client.PullAsync(tag))).Kind);
        }

        [Fact]
        public async Task A_stopped_registry_is_a_clear_error_not_a_hang()
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang would end as Cancelled and fail
            var reference = $"{TestBed.DeadRegistry}/small:latest";
            var e = await Assert.ThrowsAsync<OciException>(() => _docker.Client.PullAsync(reference, null, null, guard.Token));
            Assert.Equal((OciErrorKind.RegistryUnavailable, reference), (e.Kind, e.Target));
            Assert.Contains("5009", e.EngineMessage);
        }

        [Fact]
        public async Task Cancelling_a_pull_is_Cancelled_and_the_client_keeps_working()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Big);
            using var cts = new CancellationTokenSource();
            var progress = new SyncProgress(p => { if (p.Phase == OciProgressPhase.Downloading) cts.Cancel(); });
            var e = await Assert.ThrowsAsync<OciException>(() => _docker.Client.PullAsync(TestBed.Big, null, progress, cts.Token));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            var ping = await _docker.Client.ExecuteAsync(new OciRequest("PING"));
            Assert.Equal("OK", ping.Status);
            await _docker.ForgetAbandonedPullAsync(TestBed.Big);
        }

        [Fact]
        public async Task Thirty_two_concurrent_requests_and_pulls_through_one_client()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Layers);
            var client = _docker.Client;
            var work = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            {
                switch (i % 4)
                {
                    case 0: return (await client.PullAsync(TestBed.Small)).Target;
                    case 1: return (await client.PullAsync(TestBed.Layers)).Target;
                    case 2: return (await client.ExecuteAsync(new OciRequest("VERSION"))).Method;
                    default: return (await client.ExecuteAsync(new OciRequest("PING"))).Method;
                }
            })).ToArray();
            var results = await Task.WhenAll(work);
            Assert.Equal(8, results.Count(r => r == TestBed.Small));
            Assert.Equal(8, results.Count(r => r == TestBed.Layers));
            Assert.Equal(8, results.Count(r => r == "VERSION"));
            Assert.Equal(8, results.Count(r => r == "PING"));
        }

        [Fact]
        public async Task Disposing_during_a_pull_closes_cleanly()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Big);
            var client = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            var downloading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pull = client.PullAsync(TestBed.Big, null, new SyncProgress(p => { if (p.Phase == OciProgressPhase.Downloading) downloading.TrySetResult(); }));
            await downloading.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            var e = await Assert.ThrowsAsync<OciException>(() => pull);
            Assert.Equal(OciErrorKind.ConnectionClosed, e.Kind);
            Assert.False(client.IsConnected);
            Assert.Equal(OciErrorKind.ConnectionClosed, (await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("PING")))).Kind);
            await _docker.ForgetAbandonedPullAsync(TestBed.Big);
        }
    }
}
