using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Oci.Tests.Integration;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Reliability
{
    /// <summary>LIST answers the kind it is asked for: containers for CONTAINER, never the images (a regression once), on both engines.</summary>
    public sealed class ListKindTests
    {
        public static IEnumerable<object[]> Engines => new[] { new object[] { "docker" }, new object[] { "podman" } };

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task LIST_of_kind_CONTAINER_answers_containers_not_images(string driver)
        {
            await using var client = await OciClient.ConnectAsync(driver, driver == "docker" ? TestBed.DockerHost : PodmanFixture.PodmanHost);
            var name = "listkind-" + Guid.NewGuid().ToString("N").Substring(0, 10);
            await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Container, TestBed.Small,
                new OciContainerSpec { Name = name, Command = new[] { "true" }, NetworkMode = "none" }));
            try
            {
                foreach (var request in new[]
                         {
                             new OciRequest("LIST", OciKind.Container, null, new Dictionary<string, object?> { ["all"] = true }),
                             OciRequest.Create("list", OciKind.Container, null, new System.Collections.Hashtable { ["all"] = "true" }),
                             OciRequest.WithOptions(OciMethods.List, OciKind.Container, null, new OciContainerListOptions { All = true }),
                         })
                {
                    var response = await client.ExecuteAsync(request);
                    Assert.Equal(OciKind.Container, response.Kind);
                    var items = Assert.IsAssignableFrom<IEnumerable<object>>(response.Data).ToList();
                    Assert.All(items, i => Assert.IsType<OciContainer>(i));
                    Assert.Contains(items.Cast<OciContainer>(), c => c.Name == name);
                }
                var images = Assert.IsAssignableFrom<IEnumerable<object>>((await client.ExecuteAsync(new OciRequest("LIST", OciKind.Image))).Data).ToList();
                Assert.All(images, i => Assert.IsType<OciImage>(i));
            }
            finally
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Container, name, new OciContainerRemoveOptions { Force = true }));
            }
        }
    }
}
