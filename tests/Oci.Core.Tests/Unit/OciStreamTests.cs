using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>Streaming methods: items as they arrive, one error path, cancellation and a client that closes under a reader.</summary>
    public class OciStreamTests
    {
        private static OciRequest Ticks(int count = 3, bool gated = false, int failAfter = -1) =>
            OciRequest.WithOptions("TICKS", OciKind.Engine, null, new MemoryDriver.TicksOptions { Count = count, Gated = gated, FailAfter = failAfter });

        [Fact]
        public async Task Items_arrive_one_at_a_time_before_the_stream_ends()
        {
            var driver = new MemoryDriver();
            await using var client = await OciClient.ConnectAsync(driver, "mem://s");
            await using var e = client.StreamAsync<string>(Ticks(3, gated: true)).GetAsyncEnumerator();
            Assert.True(await e.MoveNextAsync());
            Assert.Equal("tick 0", e.Current); // the second item is not produced until the gate opens
            driver.Gate.Release();
            Assert.True(await e.MoveNextAsync());
            Assert.Equal("tick 1", e.Current);
            driver.Gate.Release(2);
            Assert.True(await e.MoveNextAsync());
            Assert.False(await e.MoveNextAsync());
        }

        [Fact]
        public async Task ExecuteAsync_answers_a_stream_that_is_read_once()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://x");
            var response = await client.ExecuteAsync(Ticks(2));
            var items = Assert.IsAssignableFrom<IAsyncEnumerable<object>>(response.Data);
            var seen = new List<object>();
            await foreach (var item in items) seen.Add(item);
            Assert.Equal(new object[] { "tick 0", "tick 1" }, seen);
            Assert.Throws<InvalidOperationException>(() => items.GetAsyncEnumerator());
        }

        [Fact]
        public async Task A_failure_mid_stream_is_mapped_by_the_driver()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://f");
            var seen = new List<string>();
            var e = await Assert.ThrowsAsync<OciException>(async () =>
            {
                await foreach (var item in client.StreamAsync<string>(Ticks(5, failAfter: 2))) seen.Add(item);
            });
            Assert.Equal(new[] { "tick 0", "tick 1" }, seen);
            Assert.Equal(("memory engine: the tick broke", OciErrorKind.EngineError), (e.Message, e.Kind));
        }

        [Fact]
        public async Task Cancelling_a_reader_is_Cancelled_and_the_client_keeps_working()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://c");
            using var cts = new CancellationTokenSource();
            var e = await Assert.ThrowsAsync<OciException>(async () =>
            {
                await foreach (var _ in client.StreamAsync<string>(Ticks(10, gated: true), cancellationToken: cts.Token)) cts.Cancel();
            });
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            Assert.Equal("OK", (await client.ExecuteAsync(new OciRequest("PING"))).Status);
        }

        [Fact]
        public async Task Disposing_the_client_under_a_reader_ends_it_as_ConnectionClosed()
        {
            var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://d");
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var reading = Task.Run(async () =>
            {
                await foreach (var _ in client.StreamAsync<string>(Ticks(10, gated: true))) first.TrySetResult();
            });
            await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            var e = await Assert.ThrowsAsync<OciException>(() => reading);
            Assert.Equal(OciErrorKind.ConnectionClosed, e.Kind);
        }

        [Fact]
        public async Task A_reader_that_stops_without_disposing_does_not_hold_the_client_open()
        {
            var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://a");
            var abandoned = client.StreamAsync<string>(Ticks(10, gated: true)).GetAsyncEnumerator();
            Assert.True(await abandoned.MoveNextAsync());
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)); // hang guard
            Assert.False(client.IsConnected);
        }

        [Fact]
        public async Task Reading_a_method_that_does_not_stream_as_a_stream_is_Unsupported()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://n");
            var e = await Assert.ThrowsAsync<OciException>(async () =>
            {
                await foreach (var _ in client.StreamAsync<string>(new OciRequest("PING"))) { }
            });
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Equal("OK", (await client.ExecuteAsync(new OciRequest("PING"))).Status);
        }
    }
}
