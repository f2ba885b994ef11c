using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>DF: disk use by images, containers, volumes and the build cache, with what a prune would free, as <c>docker system df</c> counts it.</summary>
    internal static class DockerDiskUsageHandler
    {
        public static async Task<OciResponse> DiskUsageAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var df = await c.Http.GetJsonAsync("system/df", DockerObjectJson.Default.DiskUsageDto, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, Rows(df), target: c.Endpoint.ToString());
        }

        internal static OciDiskUsage[] Rows(DiskUsageDto df)
        {
            var images = df.Images ?? new List<DiskUsageImageDto>();
            var containers = df.Containers ?? new List<ContainerUseDto>();
            var volumes = df.Volumes ?? new List<VolumeDto>();
            var cache = df.BuildCache ?? new List<BuildCacheDto>();
            // An image in use holds its own bytes (not those shared with others); the rest could go.
            var imagesInUse = images.Where(i => i.Containers > 0 && i.Size >= 0 && i.SharedSize >= 0).Sum(i => i.Size - i.SharedSize);
            var imageBytes = df.LayersSize > 0 ? df.LayersSize : images.Sum(i => Math.Max(0, i.Size - Math.Max(0, i.SharedSize)));
            static bool Running(ContainerUseDto x) => string.Equals(x.State, "running", StringComparison.OrdinalIgnoreCase);
            return new[]
            {
                new OciDiskUsage
                {
                    Type = "Images", Total = images.Count, Active = images.Count(i => i.Containers > 0),
                    Size = imageBytes, Reclaimable = Math.Max(0, imageBytes - imagesInUse),
                },
                new OciDiskUsage
                {
                    Type = "Containers", Total = containers.Count, Active = containers.Count(Running),
                    Size = containers.Sum(x => Math.Max(0, x.SizeRw)), Reclaimable = containers.Where(x => !Running(x)).Sum(x => Math.Max(0, x.SizeRw)),
                },
                new OciDiskUsage
                {
                    Type = "Volumes", Total = volumes.Count, Active = volumes.Count(v => v.UsageData?.RefCount > 0),
                    Size = volumes.Sum(v => Math.Max(0, v.UsageData?.Size ?? 0)),
                    Reclaimable = volumes.Where(v => v.UsageData is { RefCount: 0 }).Sum(v => Math.Max(0, v.UsageData!.Size)),
                },
                new OciDiskUsage
                {
                    Type = "BuildCache", Total = cache.Count, Active = cache.Count(b => b.InUse),
                    Size = cache.Sum(b => b.Size), Reclaimable = cache.Where(b => !b.InUse && !b.Shared).Sum(b => b.Size),
                },
            };
        }
    }
}
