using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Oci.Drivers.Docker;
using Oci.Drivers.Podman;
using Oci.Tests.Unit;
using Xunit;

namespace Oci.Tests.Integration
{
    /// <summary>
    /// Podman's dialect of the Docker API, line by line, without an engine: its pull stream, error words, names and
    /// libpod's inspect answer (samples as podman 4.3.1 sends them).
    /// </summary>
    public class PodmanDialectTests
    {
        [Fact]
        public void A_Podman_pull_stream_completes_every_blob_in_first_seen_order_then_the_image()
        {
            var seen = new List<OciProgress>();
            var t = new PullProgressTranslator("r:latest", new SyncProgress(seen.Add));
            t.Report(new JsonMessageDto { Status = "Already exists", Id = "afaea089d6dd" });
            t.Report(new JsonMessageDto { Status = "Pulling fs layer", Id = "842fccbacca4" });
            t.Report(new JsonMessageDto { Status = "Downloading", Id = "842fccbacca4", ProgressDetail = new ProgressDetailDto { Current = 231253776, Total = 269582667 } });
            t.Report(new JsonMessageDto { Status = "Download complete", Id = "842fccbacca4" });
            t.Report(new JsonMessageDto { Status = "Pulling fs layer", Id = "54387d0bc5ed" }); // the config blob
            t.Report(new JsonMessageDto { Status = "Download complete", Id = "54387d0bc5ed" });
            t.Report(new JsonMessageDto { Status = "Download complete", Id = "54387d0bc5ed" }); // the closing line: short image id
            Assert.Null(t.Outcome);
            Assert.Null(t.Digest);
            t.Complete("Downloaded newer image");

            var closing = seen.Skip(7).ToList();
            Assert.Equal(new[] { "842fccbacca4", "54387d0bc5ed", null }, closing.Select(p => p.LayerId));
            Assert.All(closing, p => Assert.Equal(OciProgressPhase.Complete, p.Phase));
            Assert.Equal(new[] { "Pull complete", "Pull complete", "Downloaded newer image" }, closing.Select(p => p.Status));
            Assert.Equal(OciProgressPhase.Verifying, seen[3].Phase);
            Assert.Equal(85, seen[2].PercentComplete);
            Assert.Equal("Downloaded newer image", t.Outcome);
        }

        [Fact]
        public void A_dockerd_stream_needs_no_closing_events()
        {
            var seen = new List<OciProgress>();
            var t = new PullProgressTranslator("r:latest", new SyncProgress(seen.Add));
            t.Report(new JsonMessageDto { Status = "Pulling fs layer", Id = "abc" });
            t.Report(new JsonMessageDto { Status = "Pull complete", Id = "abc" });
            t.Report(new JsonMessageDto { Status = "Already exists", Id = "def" });
            t.Report(new JsonMessageDto { Status = "Status: Image is up to date for r:latest" });
            t.Complete(null);
            Assert.Equal(5, seen.Count);
            Assert.Equal("Image is up to date", seen[^1].Status);
        }

        [Theory]
        [InlineData("initializing source docker://127.0.0.1:5000/x:latest: reading manifest latest in 127.0.0.1:5000/x: manifest unknown: manifest unknown", OciErrorKind.NotFound)]
        [InlineData("initializing source docker://127.0.0.1:5001/private:latest: reading manifest latest in 127.0.0.1:5001/private: unauthorized: authentication required", OciErrorKind.Unauthorized)]
        [InlineData("initializing source docker://127.0.0.1:5009/small:latest: pinging container registry 127.0.0.1:5009: Get \"https://127.0.0.1:5009/v2/\": dial tcp 127.0.0.1:5009: connect: connection refused", OciErrorKind.RegistryUnavailable)]
        [InlineData("failed to find image 127.0.0.1:5000/x:1: 127.0.0.1:5000/x:1: image not known", OciErrorKind.NotFound)]
        [InlineData("unable to delete image \"b71a\" by ID with more than one tag ([a:1 b:1]): please force removal", OciErrorKind.Conflict)]
        public void Podman_error_words_classify(string text, OciErrorKind kind) =>
            Assert.Equal(kind, DockerErrors.Classify(text, OciErrorKind.EngineError));

        [Fact]
        public void Podman_error_bodies_keep_their_message()
        {
            var e = DockerErrors.FromStatus(System.Net.HttpStatusCode.InternalServerError,
                "{\"cause\":\"unable to delete\",\"message\":\"unable to delete image by ID with more than one tag: please force removal\",\"response\":500}", null, "Remove image", "abc");
            Assert.Equal((OciErrorKind.Conflict, 500, "abc"), (e.Kind, e.StatusCode, e.Target));
            Assert.Equal("unable to delete image by ID with more than one tag: please force removal", e.EngineMessage);
        }

        [Fact]
        public void Names_are_given_in_Docker_familiar_form_and_digests_are_kept_apart_from_tags()
        {
            var repoTags = new[] { "docker.io/library/alpine:3.20", "localhost/built:latest", "127.0.0.1:5000/small@sha256:" + new string('a', 64), "<none>:<none>" };
            var names = ImageNames.Of(repoTags, new[] { "docker.io/library/alpine@sha256:" + new string('b', 64) });
            Assert.Equal(new[] { "alpine:3.20", "localhost/built:latest" }, names.Tags);
            Assert.Equal(new[] { "alpine@sha256:" + new string('b', 64), "127.0.0.1:5000/small@sha256:" + new string('a', 64) }, names.Digests);
        }

        [Theory]
        [InlineData("127.0.0.1:5000/small", "127.0.0.1:5000/small:latest", true)]
        [InlineData("127.0.0.1:5000/small:latest", "127.0.0.1:5000/small:latest", true)]
        [InlineData("127.0.0.1:5000/small:1.0", "127.0.0.1:5000/small:latest", false)]
        [InlineData("127.0.0.1:5000/sm*", "127.0.0.1:5000/small:latest", true)]
        [InlineData("127.0.0.1:5000/*", "127.0.0.1:5000/small:latest", true)]
        [InlineData("*", "127.0.0.1:5000/small:latest", false)] // * does not cross '/'
        [InlineData("small", "127.0.0.1:5000/small:latest", false)]
        [InlineData("alpine", "alpine:3.20", true)] // docker.io/library/alpine, familiar
        [InlineData("alpine:3.2?", "alpine:3.20", true)]
        [InlineData("alpine:3.[0-9]*", "alpine:3.20", true)]
        [InlineData("alpine:3.[a-z]*", "alpine:3.20", false)]
        [InlineData("library/alpine", "alpine:3.20", false)]
        [InlineData("127.0.0.1:5000/small", "127.0.0.1:5000/small@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)]
        public void The_reference_filter_follows_dockerd(string pattern, string reference, bool matches) =>
            Assert.Equal(matches, ReferenceFilter.Matches(pattern, reference));

        [Theory]
        [InlineData("[")]
        [InlineData("a[")]
        [InlineData("a[]")]
        [InlineData("a[z-a]")]
        [InlineData("a[-b]")]
        public void A_malformed_filter_is_InvalidArgument(string pattern) =>
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => ReferenceFilter.Compile(pattern)).Kind);

        [Fact]
        public void A_filtered_image_keeps_only_its_matching_names()
        {
            var image = new OciImage
            {
                Id = "sha256:" + new string('c', 64),
                Tags = new[] { "127.0.0.1:5000/small:latest", "127.0.0.1:5000/small:1.0", "other:1" },
                Digests = new[] { "127.0.0.1:5000/small@sha256:" + new string('d', 64), "other@sha256:" + new string('e', 64) },
            };
            var kept = ReferenceFilter.Apply(ReferenceFilter.Compile("127.0.0.1:5000/small:1.0"), image)!;
            Assert.Equal(new[] { "127.0.0.1:5000/small:1.0" }, kept.Tags);
            Assert.Empty(kept.Digests);
            Assert.Equal("127.0.0.1:5000/small:1.0", kept.Reference);
            var byRepo = ReferenceFilter.Apply(ReferenceFilter.Compile("127.0.0.1:5000/small"), image)!;
            Assert.Equal(2, byRepo.Tags.Count);
            Assert.Equal("sha256:" + new string('d', 64), byRepo.Digest);
            Assert.Null(ReferenceFilter.Apply(ReferenceFilter.Compile("nothing"), image));
        }

        [Fact]
        public void Libpods_inspect_answer_maps_to_the_same_image_shape()
        {
            var own = "sha256:" + new string('4', 64);
            var json = $$"""
                {"Id":"{{new string('b', 64)}}","Digest":"{{own}}","RepoTags":["docker.io/library/alpine:3.20"],
                 "RepoDigests":["docker.io/library/alpine@sha256:{{new string('1', 64)}}","docker.io/library/alpine@{{own}}"],
                 "Created":"2026-11-22T16:16:17.387535501Z","Architecture":"amd64","Os":"linux","Size":1998756}
                """;
            var image = PodmanConnection.ToImage(JsonSerializer.Deserialize(json, DockerJson.Default.ImageInspectDto)!, "docker.io/library/alpine:3.20", null);
            Assert.Equal("sha256:" + new string('b', 64), image.Id);
            Assert.Equal(own, image.Digest); // the image's own, not merely the first recorded for the repository
            Assert.Equal(new[] { "alpine:3.20" }, image.Tags);
            Assert.Equal(2, image.Digests.Count);
            Assert.Equal(("linux", "amd64", 1998756L), (image.Os, image.Architecture, image.Size));
            Assert.Equal(2026, image.Created!.Value.Year);

            // By id: no reference; a digest recorded under no repository (a locally made manifest) is not reported.
            var local = $$"""{"Id":"{{new string('b', 64)}}","Digest":"{{own}}","RepoTags":["localhost/built:latest"],"RepoDigests":[]}""";
            var built = PodmanConnection.ToImage(JsonSerializer.Deserialize(local, DockerJson.Default.ImageInspectDto)!, null, null);
            Assert.Null(built.Digest);
            Assert.Equal("localhost/built:latest", built.Reference);
        }
    }
}
