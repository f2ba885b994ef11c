using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Ssh
{
    /// <summary>
    /// The ssh processes behind a connection: few (pooled), all gone once the client is disposed or a connect failed, no
    /// zombies, and a process killed midway fails its request instead of hanging. Each test marks its processes so it
    /// finds its own; they run alone (<see cref="SshProcessCollection"/>).
    /// </summary>
    [Collection(SshProcessCollection.Name)]
    public sealed class SshProcessTests
    {
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

        private static string NewMarker() => "oci-" + Guid.NewGuid().ToString("N");

        private static Task<OciClient> ConnectAsync(string marker, string? endpoint = null) =>
            OciClient.ConnectAsync("docker", endpoint ?? SshTestBed.Endpoint, SshTestBed.Options(SshTestBed.Marked(marker)));

        [Fact]
        public async Task Sixteen_concurrent_requests_share_one_connection_and_at_most_eight_ssh_processes()
        {
            var marker = NewMarker();
            var most = 0;
            await using (var client = await ConnectAsync(marker))
            {
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        most = Math.Max(most, SshTestBed.Processes(marker).Count);
                        await Task.Delay(20);
                    }
                });
                var methods = new[] { OciMethods.Ping, OciMethods.Version, OciMethods.Info, OciMethods.List };
                var calls = Enumerable.Range(0, 16).Select(i =>
                {
                    var method = methods[i % methods.Length];
                    return client.ExecuteAsync(new OciRequest(method, OciMethods.DefaultKind(method)));
                }).ToArray();
                var responses = await Task.WhenAll(calls).WaitAsync(Guard);
                sampling.Cancel();
                await sampler;
                Assert.All(responses, r => Assert.Equal("Docker", r.Engine));
                Assert.Equal(16, responses.Length);
                Assert.InRange(most, 1, Transport.Ssh.SshDialer.MaxProcesses);
            }
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
        }

        [Fact]
        public async Task Requests_one_after_another_reuse_one_ssh_process()
        {
            var marker = NewMarker();
            await using (var client = await ConnectAsync(marker))
            {
                var first = SshTestBed.Processes(marker);
                for (var i = 0; i < 5; i++) await client.ExecuteAsync(new OciRequest(OciMethods.Version));
                Assert.Single(first);
                Assert.Equal(first, SshTestBed.Processes(marker));
            }
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
        }

        [Fact]
        public async Task Killing_ssh_midway_fails_the_pull_with_EngineUnavailable_and_the_client_recovers()
        {
            var marker = NewMarker();
            await using var local = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            await RemoveAsync(local, TestBed.Big);
            await using (var client = await ConnectAsync(marker))
            {
                var killed = 0;
                var progress = new Conformance.RecordingProgress(p =>
                {
                    if (p.Current is not > 0 || Interlocked.Exchange(ref killed, 1) == 1) return;
                    foreach (var pid in SshTestBed.Processes(marker))
                    {
                        try { Process.GetProcessById(pid).Kill(); }
                        catch (ArgumentException) { } // already gone
                    }
                });
                var watch = Stopwatch.StartNew();
                var e = await Assert.ThrowsAsync<OciException>(() => client.PullAsync(TestBed.Big, progress: progress).WaitAsync(Guard));
                Assert.True(watch.Elapsed < Guard, $"the pull took {watch.Elapsed} to fail");
                Assert.Equal(1, killed);
                Assert.True(e.Kind == OciErrorKind.EngineUnavailable, $"{e.Kind}: {e.Message}");
                Assert.Contains("ssh connection", e.Message);
                Assert.Contains(SshTestBed.Endpoint.Substring("ssh://".Length), e.Message);
                // A new ssh process serves the next request.
                Assert.Equal("Docker", (await client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Engine);
            }
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
            // dockerd may keep the layer it was downloading: pull it whole and remove it, so later fresh pulls are fresh.
            await local.PullAsync(TestBed.Big);
            await RemoveAsync(local, TestBed.Big);
        }

        [Fact]
        public async Task A_server_that_goes_silent_midway_fails_the_pull_instead_of_hanging()
        {
            var marker = NewMarker();
            await using var local = await OciClient.ConnectAsync("docker", TestBed.DockerHost);
            await RemoveAsync(local, TestBed.Big);
            // ssh asks every second and gives up after two unanswered asks (the default is 15 s and 3).
            var settings = SshTestBed.Settings(options: new[] { "SetEnv=OCI_TEST_MARK=" + marker, "ServerAliveInterval=1", "ServerAliveCountMax=2" });
            var stopped = new List<int>();
            try
            {
                await using var client = await OciClient.ConnectAsync("docker", SshTestBed.Endpoint, SshTestBed.Options(settings));
                var progress = new Conformance.RecordingProgress(p =>
                {
                    if (p.Current is not > 0 || stopped.Count > 0) return;
                    // The server side freezes (as a host whose network went away would): TCP stays up, nothing answers.
                    foreach (var session in SshTestBed.ServerSessions(marker))
                    {
                        SshTestBed.Signal(session, "STOP");
                        stopped.Add(session);
                    }
                });
                var e = await Assert.ThrowsAsync<OciException>(() => client.PullAsync(TestBed.Big, progress: progress).WaitAsync(Guard));
                Assert.NotEmpty(stopped);
                Assert.True(e.Kind == OciErrorKind.EngineUnavailable, $"{e.Kind}: {e.Message}");
                Assert.Contains("not responding", e.Message);
            }
            finally
            {
                foreach (var session in stopped) SshTestBed.Signal(session, "KILL");
            }
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
            await local.PullAsync(TestBed.Big);
            await RemoveAsync(local, TestBed.Big);
        }

        [Fact]
        public async Task A_failed_connect_leaves_no_ssh_process()
        {
            var marker = NewMarker();
            var e = await Assert.ThrowsAsync<OciException>(() => ConnectAsync(marker, SshTestBed.BareEndpoint));
            Assert.Equal(OciErrorKind.EngineUnavailable, e.Kind);
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
        }

        [Fact]
        public async Task A_server_that_never_speaks_ssh_is_bounded_by_the_connect_timeout_and_leaves_nothing()
        {
            var marker = NewMarker();
            using var silent = SilentServer(out var endpoint);
            var options = SshTestBed.Options(SshTestBed.Marked(marker));
            options.ConnectTimeout = TimeSpan.FromSeconds(2);
            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync("docker", endpoint, options));
            Assert.True(watch.Elapsed < Guard, $"took {watch.Elapsed}");
            Assert.True(e.Kind is OciErrorKind.EngineUnavailable or OciErrorKind.Timeout, $"{e.Kind}: {e.Message}");
            Assert.Equal(endpoint, e.Target);
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
        }

        [Fact]
        public async Task Cancelling_a_connect_stops_its_ssh()
        {
            var marker = NewMarker();
            using var silent = SilentServer(out var endpoint);
            using var cts = new CancellationTokenSource();
            var connect = OciClient.ConnectAsync("docker", endpoint, SshTestBed.Options(SshTestBed.Marked(marker)), cts.Token);
            var watch = Stopwatch.StartNew();
            while (SshTestBed.Processes(marker).Count == 0 && watch.Elapsed < Guard) await Task.Delay(20);
            Assert.NotEmpty(SshTestBed.Processes(marker));
            cts.Cancel();
            var e = await Assert.ThrowsAsync<OciException>(() => connect.WaitAsync(Guard));
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            await SshTestBed.AssertNoneLeftAsync(marker, Guard);
        }

        /// <summary>A TCP port that accepts connections (the kernel's backlog) and never sends a byte: ssh waits for a banner.</summary>
        private static Socket SilentServer(out string endpoint)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Listen(4);
            endpoint = $"ssh://root@127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}";
            return socket;
        }

        private static async Task RemoveAsync(OciClient client, string reference)
        {
            try
            {
                await client.ExecuteAsync(new OciRequest(OciMethods.Remove, OciKind.Image, reference, new Dictionary<string, object?> { ["force"] = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
        }
    }
}
