using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        /// <summary>A tag no other test or run uses, in <paramref name="repository"/> (default: <see cref="ConformanceImages.Small"/>'s).</summary>
        protected string UniqueTag(string? repository = null) =>
            $"{repository ?? ImageReference.Parse(Images.Small).Repository}:oci-conformance-{Guid.NewGuid():N}";

        /// <summary>A repository of its own in <see cref="ConformanceImages.Registry"/> (never pushed: tags there exist only in the engine).</summary>
        protected string UniqueRepository() => $"{Images.Registry}/oci-conformance-{Guid.NewGuid():N}";

        [Fact]
        public async Task List_shows_pulled_images_and_filters_by_reference_like_docker()
        {
            var pulled = (OciImage)(await PullAsync(Images.Small)).Data!;
            var small = ImageReference.Parse(Images.Small);

            var all = await RunAsync(OciMethods.List, null);
            Assert.Equal((OciMethods.List, OciKind.Image), (all.Method, all.Kind));
            var images = Assert.IsType<OciImage[]>(all.Data);
            var listed = Assert.Single(images, i => i.Id == pulled.Id);
            Assert.Contains(small.ToFamiliarString(), listed.Tags);
            Assert.All(images, i => ConformanceAssert.IsImageId(i.Id));

            // A repository filter keeps the images with a tag in it, and only those tags.
            var repository = small.FamiliarName;
            var filtered = Assert.IsType<OciImage[]>((await RunAsync(OciMethods.List, repository)).Data);
            Assert.Contains(filtered, i => i.Id == pulled.Id);
            Assert.All(filtered, i => Assert.All(i.Tags, t => Assert.StartsWith(repository + ":", t)));

            var wildcard = repository.Substring(0, repository.Length - 2) + "*";
            Assert.Contains(((OciImage[])(await RunAsync(OciMethods.List, wildcard)).Data!), i => i.Id == pulled.Id);

            var exact = Assert.IsType<OciImage[]>((await RunAsync(OciMethods.List, small.ToFamiliarString())).Data);
            var only = Assert.Single(exact, i => i.Id == pulled.Id);
            Assert.Equal(small.ToFamiliarString(), only.Reference);

            Assert.Empty(Assert.IsType<OciImage[]>((await RunAsync(OciMethods.List, $"{Images.Registry}/oci-conformance-nothing-like-this*")).Data));
            await FailsAsync(OciErrorKind.InvalidArgument, () => RunAsync(OciMethods.List, "a b\"c"));
        }

        [Fact]
        public async Task Inspect_by_reference_by_id_and_by_short_id_agree()
        {
            var pulled = (OciImage)(await PullAsync(Images.Small)).Data!;
            var small = ImageReference.Parse(Images.Small);

            var response = await RunAsync(OciMethods.Inspect, Images.Small);
            Assert.Equal((OciMethods.Inspect, OciKind.Image, small.ToString(), "OK"), (response.Method, response.Kind, response.Target, response.Status));
            var byRef = Assert.IsType<OciImage>(response.Data);
            var byId = Assert.IsType<OciImage>((await RunAsync(OciMethods.Inspect, pulled.Id)).Data);
            var byShortId = Assert.IsType<OciImage>((await RunAsync(OciMethods.Inspect, pulled.ShortId)).Data);
            Assert.Equal(pulled.Id, byRef.Id);
            Assert.Equal(pulled.Id, byId.Id);
            Assert.Equal(pulled.Id, byShortId.Id);
            Assert.Equal(small.ToString(), byRef.Reference);
            Assert.Equal(pulled.Digest, byRef.Digest);
            Assert.Contains(small.ToFamiliarString(), byRef.Tags);
            Assert.Equal(byRef.Tags.OrderBy(t => t, StringComparer.Ordinal), byId.Tags.OrderBy(t => t, StringComparer.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(byRef.Os));
            Assert.False(string.IsNullOrWhiteSpace(byRef.Architecture));
            Assert.NotNull(byRef.Created);
            Assert.Equal(pulled.Size, byRef.Size);
        }

        [Fact]
        public async Task Inspect_of_a_missing_image_is_NotFound_naming_what_was_asked()
        {
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Inspect, "oci-conformance-no-such-image:1"), "oci-conformance-no-such-image:1");
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Inspect, Images.Missing), Images.Missing);
            var noSuchId = "sha256:" + new string('0', 64);
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Inspect, noSuchId), noSuchId);
        }

        [Fact]
        public async Task Tag_then_remove_the_tag()
        {
            var pulled = (OciImage)(await PullAsync(Images.Small)).Data!;
            var newTag = UniqueTag();
            var tagged = await RunAsync(OciMethods.Tag, Images.Small, ("tag", newTag));
            Assert.Equal((OciMethods.Tag, "Tagged", newTag), (tagged.Method, tagged.Status, tagged.Target));
            var image = Assert.IsType<OciImage>(tagged.Data);
            Assert.Equal(pulled.Id, image.Id);
            Assert.Equal(newTag, image.Reference);
            Assert.Contains(newTag, image.Tags);
            Assert.Contains(newTag, ((OciImage)(await RunAsync(OciMethods.Inspect, newTag)).Data!).Tags);

            var removed = await RunAsync(OciMethods.Remove, newTag);
            Assert.Equal((OciMethods.Remove, "Untagged", newTag), (removed.Method, removed.Status, removed.Target));
            var removal = Assert.IsType<OciImageRemoval>(removed.Data);
            Assert.Equal(new[] { newTag }, removal.Untagged);
            Assert.Empty(removal.Deleted); // the image keeps its other tags
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Inspect, newTag), newTag);
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Remove, newTag), newTag);
            Assert.Equal(pulled.Id, ((OciImage)(await RunAsync(OciMethods.Inspect, Images.Small)).Data!).Id);
        }

        [Fact]
        public async Task Tag_by_id_and_into_another_repository()
        {
            var pulled = (OciImage)(await PullAsync(Images.Small)).Data!;
            var newTag = UniqueRepository() + ":v1";
            try
            {
                var tagged = await RunAsync(OciMethods.Tag, pulled.Id, ("tag", newTag));
                Assert.Equal(pulled.Id, ((OciImage)tagged.Data!).Id);
                // A reference without a tag is tagged latest, as docker tag does.
                var latest = UniqueRepository();
                var implied = await RunAsync(OciMethods.Tag, pulled.ShortId, ("tag", latest));
                Assert.Equal(latest + ":latest", implied.Target);
                await RunAsync(OciMethods.Remove, latest + ":latest");
            }
            finally
            {
                await RunAsync(OciMethods.Remove, newTag);
            }
        }

        [Fact]
        public async Task Tag_of_a_missing_image_is_NotFound_and_bad_new_references_are_refused()
        {
            await PullAsync(Images.Small);
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Tag, Images.Missing, ("tag", UniqueTag())), Images.Missing);
            await FailsAsync(OciErrorKind.InvalidArgument, () => RunAsync(OciMethods.Tag, Images.Small));
            await FailsAsync(OciErrorKind.InvalidReference, () => RunAsync(OciMethods.Tag, Images.Small, ("tag", "lower/UPPER")));
            await FailsAsync(OciErrorKind.InvalidReference, () => RunAsync(OciMethods.Tag, Images.Small, ("tag", $"x@sha256:{new string('a', 64)}")));
        }

        [Fact]
        public async Task Remove_of_a_missing_image_is_NotFound_naming_what_was_asked()
        {
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Remove, Images.Missing), Images.Missing);
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Remove, Images.MissingTag, ("force", true)), Images.MissingTag);
        }

        [Fact]
        public async Task Removing_by_id_an_image_tagged_in_two_repositories_needs_force()
        {
            var pulled = (OciImage)(await PullAsync(Images.Small)).Data!;
            var other = UniqueRepository() + ":v1";
            await RunAsync(OciMethods.Tag, Images.Small, ("tag", other));
            try
            {
                await FailsAsync(OciErrorKind.Conflict, () => RunAsync(OciMethods.Remove, pulled.Id), pulled.Id);
                Assert.Contains(other, ((OciImage)(await RunAsync(OciMethods.Inspect, pulled.Id)).Data!).Tags);
            }
            finally
            {
                await RunAsync(OciMethods.Remove, other);
            }
        }

        [Fact]
        public async Task Removing_by_id_with_force_deletes_the_image_and_all_its_tags()
        {
            var pulled = (OciImage)(await PullAsync(Images.Small)).Data!;
            var other = UniqueRepository() + ":v1";
            await RunAsync(OciMethods.Tag, Images.Small, ("tag", other));
            try
            {
                var removed = await RunAsync(OciMethods.Remove, pulled.Id, ("force", true));
                Assert.Equal(("Deleted", pulled.Id), (removed.Status, removed.Target));
                var removal = Assert.IsType<OciImageRemoval>(removed.Data);
                Assert.Contains(pulled.Id, removal.Deleted);
                Assert.All(removal.Deleted, ConformanceAssert.IsImageId);
                Assert.Contains(other, removal.Untagged);
                Assert.Contains(ImageReference.Parse(Images.Small).ToFamiliarString(), removal.Untagged);
                await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Inspect, pulled.Id), pulled.Id);
                await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.Inspect, other), other);
            }
            finally
            {
                // Leave the engine as other tests expect it: the small image present.
                await PullAsync(Images.Small);
            }
        }
    }
}
