using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        /// <summary>Loads an archive of the suite's own (<see cref="ConformanceArchive"/>) and answers the loaded images.</summary>
        protected async Task<OciImage[]> LoadAsync(byte[] archive)
        {
            using var source = new MemoryStream(archive);
            var response = await RunBoundedAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions { Source = source }));
            return Assert.IsType<OciImage[]>(response.Data);
        }

        /// <summary>A label only this test's images carry.</summary>
        private static Dictionary<string, string> OwnLabel() => new() { ["oci.conformance"] = Guid.NewGuid().ToString("N") };

        [Fact]
        public async Task Save_puts_several_images_in_one_archive_and_load_brings_them_back_with_the_same_ids()
        {
            var a = (await LoadAsync(ConformanceArchive.Build(UniqueTag(UniqueRepository()), OwnLabel()))).Single();
            var b = (await LoadAsync(ConformanceArchive.Build(UniqueTag(UniqueRepository()), OwnLabel()))).Single();
            var file = Path.Combine(Path.GetTempPath(), $"oci-conformance-{Guid.NewGuid():N}.tar");
            try
            {
                var progress = new RecordingProgress();
                var saved = await RunBoundedAsync(OciRequest.WithOptions(OciMethods.Save, OciKind.Image, a.Reference,
                    new OciImageSaveOptions { References = new[] { b.Reference! }, Path = file }), progress);
                Assert.Equal("Saved", saved.Status);
                var archive = Assert.IsType<OciImageArchive>(saved.Data);
                Assert.Equal((Path.GetFullPath(file), new FileInfo(file).Length), (archive.Path, archive.Size));
                Assert.Equal(new[] { a.Reference!, b.Reference! }, archive.Images);
                Assert.True(progress.Events[^1].IsComplete, "the last progress event completes the save");

                await RunAsync(OciMethods.Remove, a.Id, ("force", true));
                await RunAsync(OciMethods.Remove, b.Id, ("force", true));
                var loaded = await RunBoundedAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions { Path = file }), progress);
                Assert.Equal("Loaded", loaded.Status);
                var images = Assert.IsType<OciImage[]>(loaded.Data);
                Assert.Equal(new[] { a.Id, b.Id }.OrderBy(x => x), images.Select(i => i.Id).OrderBy(x => x));
                Assert.Contains(images, i => i.Tags.Contains(ImageReference.Parse(a.Reference!).ToFamiliarString()));
            }
            finally
            {
                File.Delete(file);
                await RemoveImageAsync(a.Id);
                await RemoveImageAsync(b.Id);
            }
        }

        [Fact]
        public async Task Loading_a_truncated_or_foreign_file_is_a_clear_InvalidArgument()
        {
            var label = OwnLabel();
            var archive = ConformanceArchive.Build(UniqueTag(UniqueRepository()), label);
            var truncated = Path.Combine(Path.GetTempPath(), $"oci-conformance-{Guid.NewGuid():N}.tar");
            var foreign = truncated + ".txt";
            try
            {
                File.WriteAllBytes(truncated, archive.AsSpan(0, archive.Length * 2 / 3).ToArray());
                File.WriteAllText(foreign, "this is not an image archive\n");
                var e = await FailsAsync(OciErrorKind.InvalidArgument, () => RunBoundedAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions { Path = truncated })), truncated);
                Assert.Contains("not a complete image archive", e.Message);
                e = await FailsAsync(OciErrorKind.InvalidArgument, () => RunBoundedAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions { Path = foreign })), foreign);
                Assert.Contains("tar archive", e.Message);
                await FailsAsync(OciErrorKind.InvalidArgument, () => RunBoundedAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions { Path = truncated + ".none" })), truncated + ".none");
                await FailsAsync(OciErrorKind.InvalidArgument, () => RunBoundedAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions())));
                Assert.Empty(await ListByLabelAsync(label.Single().Key + "=" + label.Single().Value));
            }
            finally
            {
                File.Delete(truncated);
                File.Delete(foreign);
            }
        }

        [Fact]
        public async Task Save_of_a_missing_image_is_NotFound_and_leaves_no_file()
        {
            var file = Path.Combine(Path.GetTempPath(), $"oci-conformance-{Guid.NewGuid():N}.tar");
            await FailsAsync(OciErrorKind.NotFound, () => RunBoundedAsync(OciRequest.WithOptions(OciMethods.Save, OciKind.Image, Images.Missing, new OciImageSaveOptions { Path = file })));
            Assert.False(File.Exists(file));
            await FailsAsync(OciErrorKind.InvalidArgument, () => RunBoundedAsync(OciRequest.WithOptions(OciMethods.Save, OciKind.Image, Images.Small, new OciImageSaveOptions { Path = "/nonexistent-folder-oci/x.tar" })));
        }

        protected async Task<OciImage[]> ListByLabelAsync(string label) =>
            Assert.IsType<OciImage[]>((await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, null, new OciImageListOptions { Labels = new[] { label }, All = true }))).Data);
    }
}
