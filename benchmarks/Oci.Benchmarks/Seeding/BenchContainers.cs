using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Seeding
{
    /// <summary>
    /// The containers the stream benchmarks make, through Oci itself: from the test bed's busybox image (small), without a
    /// network, labelled <c>oci-bench</c>, under a fixed name so that a run cut short leaves nothing the next run trips on.
    /// </summary>
    public static class BenchContainers
    {
        /// <summary>Creates and starts container <paramref name="name"/> running busybox's <c>sh -c <paramref name="script"/></c>, after removing any left over.</summary>
        public static async Task StartAsync(OciClient client, string name, string script)
        {
            await RemoveAsync(client, name);
            var spec = new OciContainerSpec
            {
                Image = BenchEngine.InspectImage,
                Name = name,
                Command = new[] { "/bin/busybox", "sh", "-c", script },
                NetworkMode = "none",
                Labels = new Dictionary<string, string> { ["oci-bench"] = name },
            };
            await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Container, null, spec));
            await client.ExecuteAsync(new OciRequest(OciMethods.Start, OciKind.Container, name));
        }

        /// <summary>Removes container <paramref name="name"/> (killed first when it runs); none is fine.</summary>
        public static async Task RemoveAsync(OciClient client, string name)
        {
            try
            {
                await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Container, name, new OciContainerRemoveOptions { Force = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
        }

        /// <summary>Polls <paramref name="ready"/> every 200 ms until it holds; <paramref name="what"/> names the wait when it times out.</summary>
        public static async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, string what)
        {
            var until = DateTime.UtcNow + timeout;
            while (!await ready())
            {
                if (DateTime.UtcNow > until) throw new InvalidOperationException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
                await Task.Delay(200);
            }
        }
    }
}
