using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        /// <summary>Runs <paramref name="request"/> bounded by <see cref="PullTimeout"/>, reporting to <paramref name="progress"/>.</summary>
        protected async Task<OciResponse> RunBoundedAsync(OciRequest request, IProgress<OciProgress>? progress = null)
        {
            using var guard = new CancellationTokenSource(PullTimeout);
            return await Client.ExecuteAsync(request, progress, guard.Token).ConfigureAwait(false);
        }

        private Task<OciResponse> PushAsync(string reference, OciImagePushOptions? options = null, IProgress<OciProgress>? progress = null) =>
            RunBoundedAsync(OciRequest.WithOptions(OciMethods.Push, OciKind.Image, reference, options ?? new OciImagePushOptions()), progress);

        // Pushes start from an image of the suite's own: an engine that rewrites the manifest on push (Podman) records a
        // second digest on the pushed image, which must never be a shared one such as Small's.
        private Task LoadOwnImageAsync(string tag) => LoadAsync(ConformanceArchive.Build(tag, OwnLabel()));

        [Fact]
        public async Task Push_answers_the_digest_the_registry_stored_and_the_image_pulls_back_by_it()
        {
            var pushed = $"{Images.Registry}/oci-conformance-push:{Guid.NewGuid():N}";
            await LoadOwnImageAsync(pushed);
            var progress = new RecordingProgress();
            var response = await PushAsync(pushed, progress: progress);
            Assert.Equal((OciMethods.Push, "Pushed", pushed), (response.Method, response.Status, response.Target));
            var image = Assert.IsType<OciImage>(response.Data);
            ConformanceAssert.IsDigest(image.Digest);
            Assert.Equal(await Images.ResolveDigestAsync(pushed, CancellationToken.None), image.Digest);
            ConformanceAssert.PullProgressIsOrderedAndComplete(progress, pushed);

            var byDigest = $"{ImageReference.Parse(pushed).Repository}@{image.Digest}";
            await RunAsync(OciMethods.Remove, pushed);
            await RemoveImageAsync(byDigest);
            var pulled = Assert.IsType<OciImage>((await PullAsync(byDigest)).Data);
            Assert.Equal((image.Id, image.Digest), (pulled.Id, pulled.Digest));
        }

        [Fact]
        public async Task Push_to_an_authenticated_registry_takes_the_credential_and_refuses_without_it()
        {
            var registry = ImageReference.Parse(Images.Private).Domain;
            var pushed = $"{registry}/oci-conformance-push:{Guid.NewGuid():N}";
            await LoadOwnImageAsync(pushed);
            try
            {
                var e = await FailsAsync(OciErrorKind.Unauthorized, () => PushAsync(pushed), pushed);
                Assert.False(string.IsNullOrWhiteSpace(e.EngineMessage));
                var credential = new OciRegistryCredential(AuthUser, AuthPassword);
                var response = await PushAsync(pushed, new OciImagePushOptions { Credential = credential });
                var image = Assert.IsType<OciImage>(response.Data);
                ConformanceAssert.IsDigest(image.Digest);
                var byDigest = $"{ImageReference.Parse(pushed).Repository}@{image.Digest}";
                await RemoveImageAsync(byDigest);
                var pulled = await RunBoundedAsync(OciRequest.WithOptions(OciMethods.Pull, OciKind.Image, byDigest, new OciPullOptions { Credential = credential }));
                Assert.Equal(image.Id, ((OciImage)pulled.Data!).Id);
            }
            finally
            {
                await RemoveImageAsync(pushed);
            }
        }

        [Fact]
        public async Task Push_of_a_digest_or_a_missing_image_is_refused()
        {
            await FailsAsync(OciErrorKind.InvalidReference, () => PushAsync($"{Images.Registry}/x@sha256:{new string('a', 64)}"));
            await FailsAsync(OciErrorKind.InvalidReference, () => PushAsync("Bad/Reference"), "Bad/Reference");
            await FailsAsync(OciErrorKind.NotFound, () => PushAsync(Images.Missing), Images.Missing);
        }
    }
}
