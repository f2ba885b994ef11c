using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        [Fact]
        public async Task Events_of_a_container_arrive_in_order_while_it_runs_and_a_window_ends_by_itself()
        {
            await PullAsync(Images.Small);
            var label = OwnLabel();
            var selector = label.Single().Key + "=" + label.Single().Value;
            // Since a moment ago: events that happen before the stream is open are replayed, so none is missed.
            var since = DateTimeOffset.UtcNow.AddSeconds(-1);
            var follow = OciRequest.WithOptions(OciMethods.Events, OciKind.Engine, null,
                new OciEventOptions { Since = since, Types = new[] { "container" }, Labels = new[] { selector } });
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var seen = new List<OciEvent>();
            var reading = Task.Run(async () =>
            {
                await foreach (var e in Client.StreamAsync<OciEvent>(follow, cancellationToken: guard.Token))
                {
                    lock (seen) seen.Add(e);
                    if (e.Action == "die") return;
                }
            });
            var id = await Containers.CreateAsync(Images.Small, new[] { "sh", "-c", "sleep 1" }, label);
            try
            {
                await Containers.StartAsync(id);
                await reading.WaitAsync(guard.Token);
                var actions = seen.Where(e => e.ActorId == id).Select(e => e.Action).ToList();
                Assert.True(actions.IndexOf("create") >= 0 && actions.IndexOf("create") < actions.IndexOf("start") && actions.IndexOf("start") < actions.IndexOf("die"),
                    $"expected create, start, die in order; saw {string.Join(", ", actions)}");
                Assert.All(seen, e => Assert.Equal("container", e.Type));
                var die = seen.Last();
                Assert.Equal(label.Single().Value, die.Attributes[label.Single().Key]);
                Assert.Equal("0", die.Attributes["exitCode"]);
                Assert.True(die.Time >= since && die.Time <= DateTimeOffset.UtcNow.AddMinutes(1), $"the event's time {die.Time:O} is when it happened");

                // A window (since and until) is replayed and ends by itself.
                var window = OciRequest.WithOptions(OciMethods.Events, OciKind.Engine, null,
                    new OciEventOptions { Since = since, Until = DateTimeOffset.UtcNow.AddSeconds(1), Labels = new[] { selector } });
                var replayed = new List<OciEvent>();
                await foreach (var e in Client.StreamAsync<OciEvent>(window, cancellationToken: guard.Token)) replayed.Add(e);
                Assert.Contains(replayed, e => e.ActorId == id && e.Action == "die");
            }
            finally
            {
                guard.Cancel();
                await Containers.RemoveAsync(id);
            }
        }

        [Fact]
        public async Task Events_refuse_bad_filters_and_a_window_that_ends_before_it_starts()
        {
            var now = DateTimeOffset.UtcNow;
            async Task Read(OciEventOptions options)
            {
                await foreach (var _ in Client.StreamAsync<OciEvent>(OciRequest.WithOptions(OciMethods.Events, OciKind.Engine, null, options))) { }
            }
            await FailsAsync(OciErrorKind.InvalidArgument, () => Read(new OciEventOptions { Since = now, Until = now.AddMinutes(-1) }));
            await FailsAsync(OciErrorKind.InvalidArgument, () => Read(new OciEventOptions { Types = new[] { "container&x" }, Until = now }));
        }

        [Fact]
        public async Task Disk_use_answers_a_row_each_for_images_containers_volumes_and_build_cache()
        {
            await PullAsync(Images.Small);
            var response = await Client.ExecuteAsync(new OciRequest(OciMethods.DiskUsage));
            Assert.Equal((OciMethods.DiskUsage, OciKind.Engine), (response.Method, response.Kind));
            var rows = Assert.IsType<OciDiskUsage[]>(response.Data);
            Assert.Equal(new[] { "Images", "Containers", "Volumes", "BuildCache" }, rows.Select(r => r.Type));
            Assert.All(rows, r => Assert.True(r.Total >= r.Active && r.Active >= 0 && r.Size >= 0 && r.Reclaimable >= 0 && r.Reclaimable <= r.Size, r.ToString()));
            var images = rows[0];
            Assert.True(images.Total >= 1 && images.Size > 0, images.ToString());
        }
    }
}
