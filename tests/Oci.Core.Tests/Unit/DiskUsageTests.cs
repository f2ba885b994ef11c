using System.Collections.Generic;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>The rows of DF, counted as docker system df counts them.</summary>
    public class DiskUsageTests
    {
        [Fact]
        public void Rows_count_what_is_in_use_and_what_a_prune_would_free()
        {
            var rows = DockerDiskUsageHandler.Rows(new DiskUsageDto
            {
                LayersSize = 300,
                Images = new List<DiskUsageImageDto>
                {
                    new() { Size = 200, SharedSize = 50, Containers = 1 },
                    new() { Size = 100, SharedSize = 50, Containers = 0 },
                },
                Containers = new List<ContainerUseDto> { new() { State = "running", SizeRw = 10 }, new() { State = "exited", SizeRw = 7 } },
                Volumes = new List<VolumeDto> { new() { UsageData = new VolumeUsageDto { Size = 5, RefCount = 1 } }, new() { UsageData = new VolumeUsageDto { Size = 3, RefCount = 0 } } },
                BuildCache = null,
            });
            Assert.Equal(new[] { "Images", "Containers", "Volumes", "BuildCache" }, System.Array.ConvertAll(rows, r => r.Type));
            Assert.Equal((2L, 1L, 300L, 150L), (rows[0].Total, rows[0].Active, rows[0].Size, rows[0].Reclaimable));
            Assert.Equal((2L, 1L, 17L, 7L), (rows[1].Total, rows[1].Active, rows[1].Size, rows[1].Reclaimable));
            Assert.Equal((2L, 1L, 8L, 3L), (rows[2].Total, rows[2].Active, rows[2].Size, rows[2].Reclaimable));
            Assert.Equal((0L, 0L, 0L, 0L), (rows[3].Total, rows[3].Active, rows[3].Size, rows[3].Reclaimable));
        }
    }
}
