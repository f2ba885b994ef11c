using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        private Task<OciResponse> NetworkAsync(string method, string? name, object? options = null) =>
            Client.ExecuteAsync(OciRequest.WithOptions(method, OciKind.Network, name, options));

        /// <summary>A /24 in 10.128.0.0/9 picked at random: engines on one host refuse a subnet another already uses.</summary>
        private static string RandomSubnet() => $"10.{Random.Shared.Next(128, 255)}.{Random.Shared.Next(0, 255)}.0/24";

        [Fact]
        public async Task Networks_are_created_internal_with_a_subnet_and_labels_listed_inspected_and_removed()
        {
            var name = UniqueName("net");
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            var subnet = RandomSubnet();
            var created = await NetworkAsync(OciMethods.Create, name, new OciNetworkCreateOptions { Internal = true, Subnet = subnet, Labels = label });
            try
            {
                Assert.Equal(("Created", name), (created.Status, created.Target));
                var network = Assert.IsType<OciNetwork>(created.Data);
                Assert.Equal((name, "bridge", true), (network.Name, network.Driver, network.Internal));
                Assert.Matches("^[0-9a-f]{64}$", network.Id);
                Assert.Equal(new[] { subnet }, network.Subnets);
                Assert.Equal(label.Single().Value, network.Labels[label.Single().Key]);

                var listed = Assert.IsType<OciNetwork[]>((await NetworkAsync(OciMethods.List, null, new OciNetworkListOptions { Labels = new[] { selector } })).Data);
                Assert.Equal(network.Id, Assert.Single(listed).Id);
                Assert.Equal(network.Id, Assert.IsType<OciNetwork>((await NetworkAsync(OciMethods.Inspect, name)).Data).Id);
                Assert.Equal(name, Assert.IsType<OciNetwork>((await NetworkAsync(OciMethods.Inspect, network.Id)).Data).Name);

                await FailsAsync(OciErrorKind.Conflict, () => NetworkAsync(OciMethods.Create, name, new OciNetworkCreateOptions()), name);

                Assert.Equal("Removed", (await NetworkAsync(OciMethods.Remove, name)).Status);
                await FailsAsync(OciErrorKind.NotFound, () => NetworkAsync(OciMethods.Inspect, name), name);
                await FailsAsync(OciErrorKind.NotFound, () => NetworkAsync(OciMethods.Remove, name), name);
            }
            finally
            {
                await NetworkAsync(OciMethods.Remove, name).ContinueWith(_ => { });
            }
        }

        [Fact]
        public async Task Network_prune_as_a_dry_run_removes_nothing_then_prunes_exactly_the_unused_labelled_ones()
        {
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            var names = new[] { UniqueName("prune"), UniqueName("prune") }.OrderBy(n => n, StringComparer.Ordinal).ToArray();
            foreach (var n in names) await NetworkAsync(OciMethods.Create, n, new OciNetworkCreateOptions { Labels = label, Subnet = RandomSubnet() });
            try
            {
                var dry = Assert.IsType<OciPruneResult>((await NetworkAsync(OciMethods.Prune, null, new OciNetworkPruneOptions { Labels = new[] { selector }, DryRun = true })).Data);
                Assert.Equal((OciKind.Network, true), (dry.Kind, dry.DryRun));
                Assert.Equal(names, dry.Deleted.OrderBy(n => n, StringComparer.Ordinal));
                Assert.Equal(2, ((OciNetwork[])(await NetworkAsync(OciMethods.List, null, new OciNetworkListOptions { Labels = new[] { selector } })).Data!).Length);

                var pruned = Assert.IsType<OciPruneResult>((await NetworkAsync(OciMethods.Prune, null, new OciNetworkPruneOptions { Labels = new[] { selector } })).Data);
                Assert.Equal(names, pruned.Deleted.OrderBy(n => n, StringComparer.Ordinal));
                Assert.Empty((OciNetwork[])(await NetworkAsync(OciMethods.List, null, new OciNetworkListOptions { Labels = new[] { selector } })).Data!);
            }
            finally
            {
                foreach (var n in names) await NetworkAsync(OciMethods.Remove, n).ContinueWith(_ => { });
            }
        }

        [Fact]
        public async Task Network_names_subnets_and_gateways_are_checked_before_anything_is_sent()
        {
            await FailsAsync(OciErrorKind.InvalidArgument, () => NetworkAsync(OciMethods.Inspect, "../x"), "../x");
            await FailsAsync(OciErrorKind.InvalidArgument, () => NetworkAsync(OciMethods.Create, "n", new OciNetworkCreateOptions { Subnet = "10.1.2.3" }));
            await FailsAsync(OciErrorKind.InvalidArgument, () => NetworkAsync(OciMethods.Create, "n", new OciNetworkCreateOptions { Gateway = "10.1.2.1" }));
            await FailsAsync(OciErrorKind.InvalidArgument, () => NetworkAsync(OciMethods.Create, "n", new OciNetworkCreateOptions { Subnet = "10.1.2.0/24", Gateway = "nope" }));
            await FailsAsync(OciErrorKind.InvalidArgument, () => NetworkAsync(OciMethods.Create, null, new OciNetworkCreateOptions()));
        }
    }
}
