using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        [Fact]
        public async Task Pull_answers_with_the_pulled_image_its_id_and_digest()
        {
            await RemoveImageAsync(Images.Small);
            var expected = ImageReference.Parse(Images.Small);
            var response = await PullAsync(Images.Small);
            Assert.Equal((OciMethods.Pull, OciKind.Image, expected.ToString()), (response.Method, response.Kind, response.Target));
            AssertPullOutcome("Downloaded newer image", response);
            Assert.Equal((Client.Connection.Engine, Client.Connection.Endpoint.ToString()), (response.Engine, response.Endpoint));
            var image = Assert.IsType<OciImage>(response.Data);
            ConformanceAssert.IsImageId(image.Id);
            Assert.Equal(await Images.ResolveDigestAsync(Images.Small, CancellationToken.None), image.Digest);
            Assert.Equal(expected.ToString(), image.Reference);
            Assert.Contains(expected.ToFamiliarString(), image.Tags);
            Assert.Contains(image.Digests, d => d.EndsWith("@" + image.Digest, StringComparison.Ordinal));
            Assert.True(image.Size > 0, "the pulled image has a size");
            Assert.NotNull(image.Created);

            var again = await PullAsync(Images.Small);
            AssertPullOutcome("Image is up to date", again);
            Assert.Equal(image.Id, ((OciImage)again.Data!).Id);
        }

        [Fact]
        public async Task Pull_by_digest_pulls_exactly_that_manifest()
        {
            var digest = await Images.ResolveDigestAsync(Images.Pinned, CancellationToken.None);
            var reference = $"{ImageReference.Parse(Images.Pinned).Repository}@{digest}";
            await RemoveImageAsync(reference);
            var response = await PullAsync(reference);
            Assert.Equal(reference, response.Target);
            var image = Assert.IsType<OciImage>(response.Data);
            ConformanceAssert.IsImageId(image.Id);
            Assert.Equal(digest, image.Digest);
            Assert.Equal(reference, image.Reference);
            Assert.Contains(image.Digests, d => d.EndsWith("@" + digest, StringComparison.Ordinal));
            Assert.Equal(image.Id, ((OciImage)(await RunAsync(OciMethods.Inspect, reference)).Data!).Id);
        }

        [Fact]
        public async Task Pull_of_many_layers_reports_and_completes_every_layer_in_order()
        {
            await RemoveImageAsync(Images.Layers);
            var progress = new RecordingProgress();
            var response = await PullAsync(Images.Layers, progress);
            var reference = ImageReference.Parse(Images.Layers).ToString();
            ConformanceAssert.PullProgressIsOrderedAndComplete(progress, reference);
            var layers = progress.Events.Where(e => e.LayerId is not null).Select(e => e.LayerId).Distinct().Count();
            Assert.True(layers >= Images.MinimumLayers, $"expected {Images.MinimumLayers}+ layers reported, saw {layers}");
            Assert.Equal(response.Status, progress.Events[progress.Events.Count - 1].Status);
        }

        [Fact]
        public async Task Pull_of_a_big_layer_reports_its_bytes_in_order()
        {
            await RemoveImageAsync(Images.Big);
            var progress = new RecordingProgress();
            var response = await PullAsync(Images.Big, progress);
            AssertPullOutcome("Downloaded newer image", response);
            ConformanceAssert.PullProgressIsOrderedAndComplete(progress, ImageReference.Parse(Images.Big).ToString());
            var events = progress.Events;
            var downloading = events.Where(e => e.LayerId is not null && e.Phase == OciProgressPhase.Downloading && e.Current > 0).ToList();
            if (ReportsDownloadBytesAlways || downloading.Count > 0)
            {
                Assert.Contains(downloading, e => e.Total >= Images.BigLayerMinimumBytes);
                Assert.Contains(events, e => e.LayerId is not null && e.PercentComplete is > 0);
            }
            Assert.All(downloading, e => Assert.True(e.Total is null || e.Current <= e.Total, $"{e.LayerId} reported {e.Current} of {e.Total} bytes"));
        }

        [Fact]
        public async Task Pull_of_an_image_already_there_still_completes()
        {
            await PullAsync(Images.Small);
            var progress = new RecordingProgress();
            var response = await PullAsync(Images.Small, progress);
            AssertPullOutcome("Image is up to date", response);
            ConformanceAssert.PullProgressIsOrderedAndComplete(progress, ImageReference.Parse(Images.Small).ToString());
        }

        [Fact]
        public async Task Pull_of_a_missing_image_or_tag_is_NotFound_naming_the_reference()
        {
            var e = await FailsAsync(OciErrorKind.NotFound, () => PullAsync(Images.Missing), Images.Missing);
            Assert.False(string.IsNullOrWhiteSpace(e.EngineMessage), "the engine's own words are kept");
            await FailsAsync(OciErrorKind.NotFound, () => PullAsync(Images.MissingTag), Images.MissingTag);
            // A progress sink changes nothing: no completion is reported for a pull that failed.
            var progress = new RecordingProgress();
            await FailsAsync(OciErrorKind.NotFound, () => PullAsync(Images.Missing, progress), Images.Missing);
            Assert.DoesNotContain(progress.Events, p => p.LayerId is null && p.IsComplete);
        }

        [Fact]
        public async Task Pull_from_a_stopped_registry_is_RegistryUnavailable_not_a_hang()
        {
            var reference = $"{Images.DeadRegistry}/small:latest";
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var e = await FailsAsync(OciErrorKind.RegistryUnavailable, () => PullAsync(reference), reference);
            Assert.Contains(Images.DeadRegistry.Split(':').Last(), e.EngineMessage ?? e.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"a stopped registry should fail promptly, took {watch.Elapsed}");
        }

        [Fact]
        public async Task Pull_of_a_private_image_without_credentials_is_Unauthorized()
        {
            var e = await FailsAsync(OciErrorKind.Unauthorized, () => PullAsync(Images.Private), Images.Private);
            Assert.False(string.IsNullOrWhiteSpace(e.EngineMessage));
        }

        [Fact]
        public async Task Invalid_references_and_parameters_are_refused_before_any_request_is_sent()
        {
            await using var relay = ByteRelay.TryStart(Endpoint);
            await using var client = relay is null ? null : await ConnectAsync(relay.Endpoint);
            var c = client ?? Client;
            var sent = relay?.BytesToEngine ?? 0;

            async Task Refused(OciErrorKind kind, string? target, Func<Task> call) => await FailsAsync(kind, call, target);
            Task<OciResponse> Run(string method, string? target, params (string, object?)[] parameters) =>
                c.ExecuteAsync(new OciRequest(method, OciKind.Image, target, parameters.Select(p => new System.Collections.Generic.KeyValuePair<string, object?>(p.Item1, p.Item2))));

            await Refused(OciErrorKind.InvalidReference, "Bad/Reference:latest", () => c.PullAsync("Bad/Reference:latest"));
            await Refused(OciErrorKind.InvalidReference, "alpine?fromImage=evil&tag=x", () => c.PullAsync("alpine?fromImage=evil&tag=x"));
            await Refused(OciErrorKind.InvalidReference, "small:bad tag", () => c.PullAsync("small:bad tag"));
            await Refused(OciErrorKind.InvalidReference, null, () => c.PullAsync(""));
            await Refused(OciErrorKind.InvalidArgument, "linux/amd64&x=1", () => c.PullAsync(Images.Small, new OciPullOptions { Platform = "linux/amd64&x=1" }));
            await Refused(OciErrorKind.InvalidReference, "../../containers/json", () => Run(OciMethods.Inspect, "../../containers/json"));
            await Refused(OciErrorKind.InvalidReference, "lower/Upper", () => Run(OciMethods.Remove, "lower/Upper"));
            await Refused(OciErrorKind.InvalidReference, "lower/UPPER", () => Run(OciMethods.Tag, Images.Small, ("tag", "lower/UPPER")));
            await Refused(OciErrorKind.InvalidArgument, null, () => Run(OciMethods.Tag, Images.Small));
            await Refused(OciErrorKind.InvalidArgument, null, () => Run(OciMethods.Pull, Images.Small, ("oci-conformance", 1)));

            if (relay is not null)
            {
                Assert.True(relay.BytesToEngine == sent, $"{relay.BytesToEngine - sent} bytes reached the engine for requests that should have been refused first");
                await c.ExecuteAsync(new OciRequest(OciMethods.Ping));
                Assert.True(relay.BytesToEngine > sent, "the relay saw no bytes for a PING: it does not sit between the driver and the engine");
            }
        }

        [Fact]
        public async Task Cancelling_a_pull_is_Cancelled_promptly_and_the_client_keeps_working()
        {
            await RemoveImageAsync(Images.Big);
            using var cts = new CancellationTokenSource();
            var progress = new RecordingProgress(p => { if (p.LayerId is not null) cts.Cancel(); });
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var e = await FailsAsync(OciErrorKind.Cancelled, () => Client.PullAsync(Images.Big, null, progress, cts.Token).WaitAsync(PullTimeout));
            Assert.True(cts.IsCancellationRequested, "the pull ended before any layer was reported; Images.Big must be big enough to be cancelled midway");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"cancelling took {watch.Elapsed}");
            Assert.DoesNotContain(progress.Events, p => p.LayerId is null && p.IsComplete);

            Assert.Equal("OK", (await Client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Status);
            using var already = new CancellationTokenSource();
            already.Cancel();
            await FailsAsync(OciErrorKind.Cancelled, () => Client.PullAsync(Images.Small, null, null, already.Token));
        }
    }
}
