using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>OciClient's contract, over a custom in-memory adapter (no engine needed).</summary>
    public class OciClientTests
    {
        [Fact]
        public async Task The_client_stamps_engine_endpoint_and_duration()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://one");
            var r = await client.ExecuteAsync(new OciRequest("PING"));
            Assert.Equal(("Memory", "mem://one", "pong"), (r.Engine, r.Endpoint, (string?)r.Data));
            Assert.True(r.Duration >= TimeSpan.Zero);
            Assert.Equal("OK", r.Status);
        }

        [Fact]
        public async Task The_handler_reaches_its_connection_through_the_request()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://ctx");
            var r = await client.ExecuteAsync(new OciRequest("WHOAMI"));
            Assert.Same(client.Connection, r.Data);
        }

        [Fact]
        public async Task Dispatch_is_by_kind_and_method()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://kinds");
            Assert.Equal("container c1", (await client.ExecuteAsync(new OciRequest("WHOAMI", OciKind.Container, "c1"))).Data);
            Assert.Same(client.Connection, (await client.ExecuteAsync(new OciRequest("WHOAMI", OciKind.Image, "i1"))).Data);
            var e = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("ECHO", OciKind.Container, "c1")));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("ECHO CONTAINER", e.Message);
            Assert.Contains("It serves for CONTAINER: WHOAMI", e.Message);
            Assert.Contains("ECHO is served for: IMAGE", e.Message);
            Assert.False(client.Supports(OciKind.Container, "echo"));
            Assert.True(client.Supports(OciKind.Image, "echo"));
            Assert.Equal(new[] { "COUNT", "ECHO", "PULL", "SLOW", "THROW", "WHOAMI" }, client.Driver.Methods(OciKind.Image));
            Assert.Empty(client.Driver.Methods(OciKind.Volume));
        }

        [Fact]
        public async Task What_a_handler_throws_is_mapped_once_by_the_driver()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://throw");
            var e = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("THROW", OciKind.Image, "x")));
            Assert.Equal(OciErrorKind.EngineError, e.Kind);
            Assert.Equal("memory engine: the memory engine broke", e.Message);
            Assert.IsType<InvalidOperationException>(e.InnerException);
        }

        [Fact]
        public async Task Registry_credentials_are_resolved_by_the_core_and_reach_the_handler_on_the_request()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://auth");
            var given = new Oci.Credentials.OciRegistryCredential("user", "pw");
            // mem:// is neither local nor encrypted: the core refuses to hand credentials over it unless allowed.
            var refused = await Assert.ThrowsAsync<OciException>(() => client.PullAsync("127.0.0.1:5999/x:1", new OciPullOptions { Credential = given }));
            Assert.Equal(OciErrorKind.InvalidArgument, refused.Kind);
            var r = await client.PullAsync("127.0.0.1:5999/x:1", new OciPullOptions { Credential = given, AllowUnencryptedAuthentication = true });
            var resolved = Assert.IsType<Oci.Credentials.OciRegistryCredential>(r.Data);
            Assert.Equal(("user", "explicit", "127.0.0.1:5999"), (resolved.Username, resolved.Source, resolved.ServerAddress));
        }

        [Fact]
        public async Task An_unsupported_method_is_a_typed_error()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://u");
            var e = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("FLY", "x")));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("FLY", e.Message);
            Assert.False(client.Supports(OciKind.Image, "fly"));
            Assert.True(client.Supports(OciKind.Engine, "ping"));
        }

        [Fact]
        public async Task Many_threads_at_once_get_their_own_answers()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://many");
            var tasks = Enumerable.Range(0, 256).Select(i => Task.Run(async () =>
            {
                var r = await client.ExecuteAsync(new OciRequest("ECHO", null, new Dictionary<string, object?> { ["count"] = i }));
                return (i, ((MemoryDriver.EchoOptions)r.Data!).Count);
            }));
            foreach (var (sent, got) in await Task.WhenAll(tasks)) Assert.Equal(sent, got);
        }

        [Fact]
        public async Task Cancelling_a_call_is_Cancelled()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://c");
            using var cts = new CancellationTokenSource(50);
            var e = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("SLOW"), cts.Token));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            Assert.True(client.IsConnected);
        }

        [Fact]
        public async Task Dispose_cancels_calls_in_flight_and_later_calls_fail_as_closed()
        {
            var driver = new MemoryDriver();
            var client = await OciClient.ConnectAsync(driver, "mem://d");
            var inFlight = Enumerable.Range(0, 8).Select(_ => client.ExecuteAsync(new OciRequest("SLOW"))).ToArray();
            while (Volatile.Read(ref driver.SlowStarted) < 8) await Task.Delay(5);
            var dispose = client.DisposeAsync().AsTask();
            Assert.True(await Task.WhenAny(dispose, Task.Delay(5000)) == dispose, "dispose did not finish");
            foreach (var t in inFlight)
            {
                var e = await Assert.ThrowsAsync<OciException>(() => t);
                Assert.Equal(OciErrorKind.ConnectionClosed, e.Kind);
            }
            var after = await Assert.ThrowsAsync<OciException>(() => client.ExecuteAsync(new OciRequest("PING")));
            Assert.Equal(OciErrorKind.ConnectionClosed, after.Kind);
            Assert.False(client.IsConnected);
            Assert.Equal(1, ((MemoryDriver.MemoryConnection)client.Connection).Disposals);
            await client.DisposeAsync();
            Assert.Equal(1, ((MemoryDriver.MemoryConnection)client.Connection).Disposals);
        }

        [Fact]
        public async Task Progress_reaches_the_callers_sink_in_order_on_the_serving_thread()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://p");
            var seen = new List<long>();
            await client.ExecuteAsync(new OciRequest("COUNT", "x"), new SyncProgress(p => seen.Add(p.Current!.Value)));
            Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), seen);
        }

        [Fact]
        public async Task Connect_refuses_missing_driver_or_endpoint()
        {
            Assert.Equal(OciErrorKind.InvalidArgument, (await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync((IOciDriver)null!, "x"))).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, (await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new MemoryDriver(), " "))).Kind);
            Assert.Equal(OciErrorKind.Unsupported, (await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("nosuchdriver", "mem://x"))).Kind);
            // A scheme the driver's probe cannot reach: a known one is Unsupported, an unknown one InvalidArgument.
            Assert.Equal(OciErrorKind.Unsupported, (await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new MemoryDriver(), "unix:///x.sock"))).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, (await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new MemoryDriver(), "tpc://x"))).Kind);
        }

        [Fact]
        public async Task A_driver_that_does_not_serve_what_answered_is_refused_and_the_answer_released()
        {
            var memory = new MemoryDriver();
            var answer = (MemoryDriver.MemoryAnswer)await memory.Probe.ProbeAsync(OciEndpoint.Parse("mem://x"), new OciConnectOptions(), default);
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(OciDrivers.Get("docker"), answer));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Contains("the docker driver does not serve", e.Message);
            Assert.True(answer.Disposed);
        }

        [Fact]
        public async Task Pull_without_reference_is_an_invalid_reference()
        {
            await using var client = await OciClient.ConnectAsync(new MemoryDriver(), "mem://r");
            var e = await Assert.ThrowsAsync<OciException>(() => client.PullAsync(""));
            Assert.Equal(OciErrorKind.InvalidReference, e.Kind);
        }
    }

    /// <summary>An IProgress that runs its callback inline (System.Progress&lt;T&gt; would post and reorder).</summary>
    internal sealed class SyncProgress : IProgress<OciProgress>
    {
        private readonly Action<OciProgress> _on;
        public SyncProgress(Action<OciProgress> on) => _on = on;
        public void Report(OciProgress value) => _on(value);
    }
}
