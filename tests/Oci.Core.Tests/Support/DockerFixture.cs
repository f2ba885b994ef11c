using System;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Tests.Support
{
    /// <summary>One client to the test bed's dockerd shared by a collection; tests that need a fresh pull remove the image first.</summary>
    public sealed class DockerFixture : IAsyncLifetime
    {
        private OciClient? _client;

        public OciClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

        public async Task InitializeAsync()
        {
            try
            {
                _client = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            }
            catch (OciException e)
            {
                throw new InvalidOperationException($"The test bed's dockerd at {TestBed.DockerHost} is not answering ({e.Message}). Run: bash eng/engines.sh up", e);
            }
        }

        public async Task DisposeAsync()
        {
            if (_client is not null) await _client.DisposeAsync();
        }

        /// <summary>Removes <paramref name="reference"/> from the engine's store so the next pull really downloads.</summary>
        /// <summary>
        /// After a pull abandoned midway: dockerd may still register the layer it was downloading, without an image, so
        /// a later "fresh" pull would find it already there. Pull the image whole, then remove it with its layers.
        /// </summary>
        public async Task ForgetAbandonedPullAsync(string reference)
        {
            await Client.PullAsync(reference);
            await RemoveIfPresentAsync(reference);
        }

        public async Task RemoveIfPresentAsync(string reference)
        {
            try
            {
                await Client.ExecuteAsync(new OciRequest(OciMethods.Remove, OciKind.Image, reference, new System.Collections.Generic.Dictionary<string, object?> { ["force"] = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
        }
    }

    /// <summary>Engine tests run one at a time: they remove and pull the same shared images.</summary>
    [CollectionDefinition(Name)]
    public sealed class DockerCollection : ICollectionFixture<DockerFixture>
    {
        public const string Name = "docker engine";
    }
}
