using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Integration
{
    [Collection(DockerCollection.Name)]
    public class DockerImageTests
    {
        private readonly DockerFixture _docker;
        public DockerImageTests(DockerFixture docker) => _docker = docker;

        private Task<OciResponse> Run(string method, string? target, params (string, object?)[] parameters) =>
            _docker.Client.ExecuteAsync(new OciRequest(method, OciKind.Image, target, parameters.Select(p => new KeyValuePair<string, object?>(p.Item1, p.Item2))));

        [Fact]
        public async Task List_shows_pulled_images_and_filters_by_reference()
        {
            var pulled = (OciImage)(await _docker.Client.PullAsync(TestBed.Small)).Data!;
            var all = Assert.IsType<OciImage[]>((await Run("LIST", null)).Data);
            Assert.Contains(all, i => i.Id == pulled.Id && i.Tags.Contains(TestBed.Small));
            var filtered = Assert.IsType<OciImage[]>((await Run("LIST", $"{TestBed.Registry}/small")).Data);
            Assert.NotEmpty(filtered);
            Assert.All(filtered, i => Assert.Contains(i.Tags, t => t.StartsWith($"{TestBed.Registry}/small:", StringComparison.Ordinal)));
            var none = Assert.IsType<OciImage[]>((await Run("LIST", $"{TestBed.Registry}/nothing-like-this*")).Data);
            Assert.Empty(none);
        }

        [Fact]
        public async Task Inspect_by_reference_and_by_id_agree()
        {
            var pulled = (OciImage)(await _docker.Client.PullAsync(TestBed.Small)).Data!;
            var byRef = Assert.IsType<OciImage>((await Run("INSPECT", TestBed.Small)).Data);
            var byId = Assert.IsType<OciImage>((await Run("INSPECT", pulled.Id)).Data);
            var byShortId = Assert.IsType<OciImage>((await Run("INSPECT", pulled.ShortId)).Data);
            Assert.Equal(pulled.Id, byRef.Id);
            Assert.Equal(pulled.Id, byId.Id);
            Assert.Equal(pulled.Id, byShortId.Id);
            Assert.Equal("linux", byRef.Os);
            Assert.NotNull(byRef.Created);
        }

        [Fact]
        public async Task Inspect_of_a_missing_image_is_NotFound_naming_what_was_asked()
        {
            var e = await Assert.ThrowsAsync<OciException>(() => Run("INSPECT", "no-such-image-here:1"));
            Assert.Equal((OciErrorKind.NotFound, "no-such-image-here:1"), (e.Kind, e.Target));
        }

        [Fact]
        public async Task Tag_then_remove_a_tag()
        {
            var pulled = (OciImage)(await _docker.Client.PullAsync(TestBed.Small)).Data!;
            var newTag = $"{TestBed.Registry}/small:t-{Guid.NewGuid():N}";
            var tagged = await Run("TAG", TestBed.Small, ("tag", newTag));
            Assert.Equal(("Tagged", newTag), (tagged.Status, tagged.Target));
            Assert.Equal(pulled.Id, ((OciImage)tagged.Data!).Id);
            Assert.Contains(newTag, ((OciImage)(await Run("INSPECT", newTag)).Data!).Tags);

            var removed = await Run("REMOVE", newTag);
            var removal = Assert.IsType<OciImageRemoval>(removed.Data);
            Assert.Equal(new[] { newTag }, removal.Untagged);
            Assert.Empty(removal.Deleted); // the image keeps its other tags
            Assert.Equal(OciErrorKind.NotFound, (await Assert.ThrowsAsync<OciException>(() => Run("INSPECT", newTag))).Kind);
            Assert.Equal(OciErrorKind.NotFound, (await Assert.ThrowsAsync<OciException>(() => Run("REMOVE", newTag))).Kind);
        }

        [Fact]
        public async Task Tag_refuses_bad_new_references()
        {
            await _docker.Client.PullAsync(TestBed.Small);
            Assert.Equal(OciErrorKind.InvalidArgument, (await Assert.ThrowsAsync<OciException>(() => Run("TAG", TestBed.Small))).Kind);
            Assert.Equal(OciErrorKind.InvalidReference, (await Assert.ThrowsAsync<OciException>(() => Run("TAG", TestBed.Small, ("tag", "lower/UPPER")))).Kind);
            Assert.Equal(OciErrorKind.InvalidReference, (await Assert.ThrowsAsync<OciException>(() => Run("TAG", TestBed.Small, ("tag", $"x@sha256:{new string('a', 64)}")))).Kind);
        }

        [Fact]
        public async Task Removing_an_image_by_id_with_force_deletes_it_and_all_its_tags()
        {
            var newTag = $"{TestBed.Registry}/small:rm-{Guid.NewGuid():N}";
            var pulled = (OciImage)(await _docker.Client.PullAsync(TestBed.Small)).Data!;
            await Run("TAG", TestBed.Small, ("tag", newTag));
            var removal = (OciImageRemoval)(await Run("REMOVE", pulled.Id, ("force", true))).Data!;
            Assert.Contains(newTag, removal.Untagged);
            Assert.Contains(TestBed.Small, removal.Untagged);
            Assert.Contains(pulled.Id, removal.Deleted);
            Assert.Equal(OciErrorKind.NotFound, (await Assert.ThrowsAsync<OciException>(() => Run("INSPECT", pulled.Id))).Kind);
        }
    }
}
