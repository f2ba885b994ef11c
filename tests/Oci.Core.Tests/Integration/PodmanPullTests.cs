using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Oci.Tests.Unit;
using Xunit;

namespace Oci.Tests.Integration
{
    /// <summary>What the Podman driver makes of Podman's own ways: the compat pull stream, libpod inspection, its error answers.</summary>
    [Collection(PodmanCollection.Name)]
    public class PodmanPullTests
    {
        private readonly PodmanFixture _podman;
        public PodmanPullTests(PodmanFixture podman) => _podman = podman;

        private Task<OciResponse> Run(string method, string? target, params (string, object?)[] parameters) =>
            _podman.Client.ExecuteAsync(new OciRequest(method, OciKind.Image, target, parameters.Select(p => new KeyValuePair<string, object?>(p.Item1, p.Item2))));

        [Fact]
        public async Task A_missing_image_is_NotFound_although_Podman_answers_HTTP_200()
        {
            var missing = $"{TestBed.Registry}/does-not-exist:latest";
            // What the engine itself does: 200, then one in-band error line.
            using (var raw = PodmanFixture.RawClient())
            using (var response = await raw.PostAsync($"v1.41/images/create?fromImage={TestBed.Registry}/does-not-exist&tag=latest", null))
            {
                Assert.Equal(200, (int)response.StatusCode);
                Assert.Contains("errorDetail", await response.Content.ReadAsStringAsync());
            }
            var e = await Assert.ThrowsAsync<OciException>(() => _podman.Client.PullAsync(missing));
            Assert.Equal((OciErrorKind.NotFound, missing), (e.Kind, e.Target));
            Assert.Null(e.StatusCode); // in-band: there was no HTTP error
            Assert.Contains("manifest unknown", e.EngineMessage);
        }

        [Fact]
        public async Task Progress_closes_every_blob_Podman_reports_including_the_config()
        {
            await _podman.RemoveImageAsync(TestBed.Small);
            var events = new List<OciProgress>();
            var response = await _podman.Client.PullAsync(TestBed.Small, null, new SyncProgress(events.Add));
            var image = (OciImage)response.Data!;
            Assert.Equal("Downloaded newer image", response.Status);
            // Podman reports the image config blob like a layer, under the short image id; the driver completes it too.
            Assert.Contains(events, p => p.LayerId == image.ShortId);
            foreach (var layer in events.Where(p => p.LayerId is not null).GroupBy(p => p.LayerId))
                Assert.Equal(OciProgressPhase.Complete, layer.Last().Phase);
            // Podman's compat stream has no per-layer "Pull complete": the driver closes the layers itself, before the image-wide event.
            Assert.Contains(events, p => p.LayerId is not null && p.Status == "Pull complete");
            Assert.Equal(("Downloaded newer image", OciProgressPhase.Complete), (events[^1].Status, events[^1].Phase));
            Assert.Null(events[^1].LayerId);

            var again = await _podman.Client.PullAsync(TestBed.Small);
            Assert.Equal("Image is up to date", again.Status);
        }

        [Fact]
        public async Task Pulled_and_inspected_images_carry_the_manifest_digest_libpod_reports()
        {
            var pulled = (OciImage)(await _podman.Client.PullAsync(TestBed.Small)).Data!;
            Assert.Equal(await TestBed.ManifestDigestAsync("small", "latest"), pulled.Digest);
            using var raw = PodmanFixture.RawClient();
            var libpod = System.Text.Json.JsonDocument.Parse(await raw.GetStringAsync($"v4.0.0/libpod/images/{TestBed.Small}/json")).RootElement;
            Assert.Equal(libpod.GetProperty("Digest").GetString(), pulled.Digest);
            Assert.Equal("sha256:" + libpod.GetProperty("Id").GetString(), pulled.Id); // libpod leaves the algorithm off; the driver does not
        }

        [Fact]
        public async Task Tags_are_familiar_and_digests_are_not_tags()
        {
            // Pulled by digest, Podman lists the name@digest among RepoTags; Oci keeps it among the digests.
            var digest = await TestBed.ManifestDigestAsync("small", "1.0");
            var byDigest = $"{TestBed.Registry}/small@{digest}";
            await _podman.Client.PullAsync(byDigest);
            var listed = Assert.IsType<OciImage[]>((await Run(OciMethods.List, null)).Data);
            Assert.All(listed, i => Assert.DoesNotContain(i.Tags, t => t.Contains('@')));
            Assert.Contains(listed, i => i.Digests.Contains(byDigest));
        }

        [Fact]
        public async Task The_reference_filter_means_what_it_means_on_dockerd()
        {
            await _podman.Client.PullAsync(TestBed.Small);
            // Podman's own filter would match "small" against 127.0.0.1:5000/small; dockerd's means docker.io/library/small.
            using (var raw = PodmanFixture.RawClient())
            {
                var own = await raw.GetStringAsync("v1.41/images/json?filters=" + Uri.EscapeDataString("{\"reference\":{\"small\":true}}"));
                Assert.Contains($"{TestBed.Registry}/small", own);
            }
            Assert.Empty(Assert.IsType<OciImage[]>((await Run(OciMethods.List, "small")).Data));
            var bare = Assert.IsType<OciImage[]>((await Run(OciMethods.List, $"{TestBed.Registry}/small:latest")).Data);
            Assert.Equal(new[] { TestBed.Small }, Assert.Single(bare).Tags); // only the matching tag, as dockerd lists it
            await Assert.ThrowsAsync<OciException>(() => Run(OciMethods.List, "[unclosed"));
        }

        [Fact]
        public async Task Removing_by_id_without_force_is_Conflict_where_Podman_answers_500()
        {
            var pulled = (OciImage)(await _podman.Client.PullAsync(TestBed.Small)).Data!;
            var other = $"{TestBed.Registry}/podman-conflict-{Guid.NewGuid():N}:v1";
            await Run(OciMethods.Tag, TestBed.Small, ("tag", other));
            try
            {
                var e = await Assert.ThrowsAsync<OciException>(() => Run(OciMethods.Remove, pulled.Id));
                Assert.Equal((OciErrorKind.Conflict, 500), (e.Kind, e.StatusCode));
                Assert.Contains("force", e.EngineMessage);
            }
            finally
            {
                await Run(OciMethods.Remove, other);
            }
        }
    }
}
