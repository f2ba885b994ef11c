using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        private Task<OciResponse> VolumeAsync(string method, string? name, object? options = null) =>
            Client.ExecuteAsync(OciRequest.WithOptions(method, OciKind.Volume, name, options));

        private static string UniqueName(string what) => $"oci-conformance-{what}-{Guid.NewGuid():N}".Substring(0, 40);

        [Fact]
        public async Task Volumes_are_created_with_labels_and_options_listed_by_label_inspected_and_removed()
        {
            var name = UniqueName("vol");
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            var created = await VolumeAsync(OciMethods.Create, name, new OciVolumeCreateOptions
            {
                Labels = label,
                DriverOptions = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs", },
            });
            try
            {
                Assert.Equal(("Created", name), (created.Status, created.Target));
                var volume = Assert.IsType<OciVolume>(created.Data);
                Assert.Equal((name, "local"), (volume.Name, volume.Driver));
                Assert.Equal(label.Single().Value, volume.Labels[label.Single().Key]);
                Assert.Equal("tmpfs", volume.Options["type"]);

                var listed = Assert.IsType<OciVolume[]>((await VolumeAsync(OciMethods.List, null, new OciVolumeListOptions { Labels = new[] { selector } })).Data);
                Assert.Equal(name, Assert.Single(listed).Name);
                var byName = Assert.IsType<OciVolume[]>((await VolumeAsync(OciMethods.List, name, new OciVolumeListOptions())).Data);
                Assert.Contains(byName, v => v.Name == name);
                var inspected = Assert.IsType<OciVolume>((await VolumeAsync(OciMethods.Inspect, name)).Data);
                Assert.Equal((name, volume.Mountpoint), (inspected.Name, inspected.Mountpoint));

                var removed = await VolumeAsync(OciMethods.Remove, name, new OciVolumeRemoveOptions());
                Assert.Equal("Removed", removed.Status);
                await FailsAsync(OciErrorKind.NotFound, () => VolumeAsync(OciMethods.Inspect, name), name);
                await FailsAsync(OciErrorKind.NotFound, () => VolumeAsync(OciMethods.Remove, name, new OciVolumeRemoveOptions()), name);
            }
            finally
            {
                await VolumeAsync(OciMethods.Remove, name, new OciVolumeRemoveOptions { Force = true }).ContinueWith(_ => { });
            }
        }

        [Fact]
        public async Task A_volume_in_use_is_Conflict_to_remove_and_stays_through_a_prune()
        {
            var inUse = UniqueName("used");
            var unused = UniqueName("unused");
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            await VolumeAsync(OciMethods.Create, inUse, new OciVolumeCreateOptions { Labels = label });
            await VolumeAsync(OciMethods.Create, unused, new OciVolumeCreateOptions { Labels = label });
            await PullAsync(Images.Small);
            var container = await Containers.CreateAsync(Images.Small, new[] { "true" }, label, new[] { inUse + ":/data" });
            try
            {
                await FailsAsync(OciErrorKind.Conflict, () => VolumeAsync(OciMethods.Remove, inUse, new OciVolumeRemoveOptions()), inUse);

                var dry = await VolumeAsync(OciMethods.Prune, null, new OciVolumePruneOptions { Labels = new[] { selector }, DryRun = true });
                Assert.Equal(new[] { unused }, Assert.IsType<OciPruneResult>(dry.Data).Deleted);
                Assert.Equal(2, ((OciVolume[])(await VolumeAsync(OciMethods.List, null, new OciVolumeListOptions { Labels = new[] { selector } })).Data!).Length);

                var pruned = Assert.IsType<OciPruneResult>((await VolumeAsync(OciMethods.Prune, null, new OciVolumePruneOptions { Labels = new[] { selector } })).Data);
                Assert.Equal((OciKind.Volume, false), (pruned.Kind, pruned.DryRun));
                Assert.Equal(new[] { unused }, pruned.Deleted);
                var left = (OciVolume[])(await VolumeAsync(OciMethods.List, null, new OciVolumeListOptions { Labels = new[] { selector } })).Data!;
                Assert.Equal(inUse, Assert.Single(left).Name);
            }
            finally
            {
                await Containers.RemoveAsync(container);
                await VolumeAsync(OciMethods.Remove, inUse, new OciVolumeRemoveOptions { Force = true });
                await VolumeAsync(OciMethods.Remove, unused, new OciVolumeRemoveOptions { Force = true }).ContinueWith(_ => { });
            }
        }

        [Fact]
        public async Task Volume_names_and_filters_are_checked_before_anything_is_sent()
        {
            await FailsAsync(OciErrorKind.InvalidArgument, () => VolumeAsync(OciMethods.Inspect, "../containers/json"), "../containers/json");
            await FailsAsync(OciErrorKind.InvalidArgument, () => VolumeAsync(OciMethods.Remove, "a b", new OciVolumeRemoveOptions()), "a b");
            await FailsAsync(OciErrorKind.InvalidArgument, () => VolumeAsync(OciMethods.Inspect, null));
            await FailsAsync(OciErrorKind.InvalidArgument, () => VolumeAsync(OciMethods.List, null, new OciVolumeListOptions { Driver = "local&x=1" }));
            await FailsAsync(OciErrorKind.InvalidArgument, () => VolumeAsync(OciMethods.Create, "x", new OciVolumeCreateOptions { Driver = "bad driver" }));
        }
    }
}
