using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        /// <summary>
        /// Two images of the suite's own with <paramref name="label"/>, loaded under one tag: the first becomes dangling
        /// (untagged) when the second takes its tag. Answers (dangling, tagged).
        /// </summary>
        protected async Task<(OciImage Dangling, OciImage Tagged)> DanglingImageAsync(Dictionary<string, string> label, string tag)
        {
            var first = (await LoadAsync(ConformanceArchive.Build(tag, new Dictionary<string, string>(label) { ["oci.conformance.n"] = "1" }))).Single();
            var second = (await LoadAsync(ConformanceArchive.Build(tag, new Dictionary<string, string>(label) { ["oci.conformance.n"] = "2" }))).Single();
            Assert.NotEqual(first.Id, second.Id);
            return (first, second);
        }

        /// <summary>False for a driver on an API that prunes only dangling images (the docker driver on Podman's compatible API): a prune of all is Unsupported.</summary>
        protected virtual bool PrunesEveryUnusedImage => true;

        [Fact]
        public async Task List_filters_by_label_dangling_before_and_since()
        {
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            var tag = UniqueTag(UniqueRepository());
            var (dangling, tagged) = await DanglingImageAsync(label, tag);
            try
            {
                var byLabel = await ListByLabelAsync(selector);
                Assert.Equal(new[] { dangling.Id, tagged.Id }.OrderBy(x => x), byLabel.Select(i => i.Id).OrderBy(x => x));
                var onlyDangling = Assert.IsType<OciImage[]>((await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null,
                    new OciImageListOptions { Labels = new[] { selector }, Dangling = true }))).Data);
                Assert.Equal(dangling.Id, Assert.Single(onlyDangling).Id);
                Assert.Empty(Assert.Single(onlyDangling).Tags);
                var onlyTagged = Assert.IsType<OciImage[]>((await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null,
                    new OciImageListOptions { Labels = new[] { selector }, Dangling = false }))).Data);
                Assert.Equal(tagged.Id, Assert.Single(onlyTagged).Id);
                var none = await ListByLabelAsync(label.Single().Key + "=other");
                Assert.Empty(none);
                await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null, new OciImageListOptions { Labels = new[] { "=x" } })));
                await FailsAsync(OciErrorKind.InvalidReference, () => Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null, new OciImageListOptions { Before = "Bad/Ref" })));
                // before/since take an image: the small image is neither before nor since itself.
                await PullAsync(Images.Small);
                var before = Assert.IsType<OciImage[]>((await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null, new OciImageListOptions { Before = Images.Small }))).Data);
                var since = Assert.IsType<OciImage[]>((await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null, new OciImageListOptions { Since = Images.Small }))).Data);
                var smallId = ((OciImage)(await RunAsync(OciMethods.Inspect, Images.Small)).Data!).Id;
                Assert.DoesNotContain(before, i => i.Id == smallId);
                Assert.DoesNotContain(since, i => i.Id == smallId);
            }
            finally
            {
                await RemoveImageAsync(tag);
                await RemoveImageAsync(dangling.Id);
            }
        }

        [Fact]
        public async Task History_lists_the_steps_of_an_image_newest_first()
        {
            await PullAsync(Images.Layers);
            var response = await RunAsync(OciMethods.History, Images.Layers);
            var steps = Assert.IsType<OciImageHistory[]>(response.Data);
            Assert.True(steps.Length >= Images.MinimumLayers, $"expected {Images.MinimumLayers}+ steps, got {steps.Length}");
            Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.Created >= p.Second.Created), "newest first");
            Assert.Contains(steps, s => s.Size > 0);
            ConformanceAssert.IsImageId(steps[0].Id);
            await FailsAsync(OciErrorKind.NotFound, () => RunAsync(OciMethods.History, Images.Missing), Images.Missing);
            await FailsAsync(OciErrorKind.InvalidReference, () => RunAsync(OciMethods.History, "Bad/Ref"), "Bad/Ref");
        }

        [Fact]
        public async Task Prune_as_a_dry_run_removes_nothing_then_prunes_exactly_the_dangling_images()
        {
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            var tag = UniqueTag(UniqueRepository());
            var (dangling, tagged) = await DanglingImageAsync(label, tag);
            try
            {
                var dry = await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Prune, OciKind.Image, null, new OciImagePruneOptions { Labels = new[] { selector }, DryRun = true }));
                Assert.Equal("Would prune", dry.Status);
                var would = Assert.IsType<OciPruneResult>(dry.Data);
                Assert.True(would.DryRun);
                Assert.Equal(new[] { dangling.Id }, would.Deleted);
                Assert.Equal(2, (await ListByLabelAsync(selector)).Length);

                var pruned = await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Prune, OciKind.Image, null, new OciImagePruneOptions { Labels = new[] { selector } }));
                Assert.Equal("Pruned", pruned.Status);
                var result = Assert.IsType<OciPruneResult>(pruned.Data);
                Assert.Equal(OciKind.Image, result.Kind);
                Assert.Contains(dangling.Id, result.Deleted);
                Assert.DoesNotContain(tagged.Id, result.Deleted);
                Assert.Equal(new[] { tagged.Id }, (await ListByLabelAsync(selector)).Select(i => i.Id));

                // All: unused tagged images go too; an image a container uses stays.
                var all = await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Prune, OciKind.Image, null, new OciImagePruneOptions { Labels = new[] { selector }, All = true, DryRun = true }));
                Assert.Equal(new[] { tagged.Id }, ((OciPruneResult)all.Data!).Deleted);
            }
            finally
            {
                await RemoveImageAsync(tag);
                await RemoveImageAsync(dangling.Id);
            }
        }

        [Fact]
        public async Task Prune_keeps_an_image_a_container_uses()
        {
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            var image = (await LoadAsync(ConformanceArchive.Build(UniqueTag(UniqueRepository()), label))).Single();
            var container = await Containers.CreateAsync(image.Reference!, new[] { "/bin/sh" }, label);
            try
            {
                var dry = await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Prune, OciKind.Image, null, new OciImagePruneOptions { Labels = new[] { selector }, All = true, DryRun = true }));
                Assert.Empty(((OciPruneResult)dry.Data!).Deleted);
                var all = OciRequest.WithOptions(OciMethods.Prune, OciKind.Image, null, new OciImagePruneOptions { Labels = new[] { selector }, All = true });
                if (PrunesEveryUnusedImage)
                    Assert.DoesNotContain(image.Id, ((OciPruneResult)(await Client.ExecuteAsync(all)).Data!).Deleted);
                else
                    await FailsAsync(OciErrorKind.Unsupported, () => Client.ExecuteAsync(all));
                Assert.Single(await ListByLabelAsync(selector));
            }
            finally
            {
                await Containers.RemoveAsync(container);
                await RemoveImageAsync(image.Id);
            }
        }
    }
}
