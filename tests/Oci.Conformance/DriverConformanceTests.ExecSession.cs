using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    // EXEC_SESSION (issue 14): a command in a running container as a live two-way stream — what PowerShell sessions in
    // containers run over. Busybox commands on the small image; every wait bounded by ContainerTimeout.
    public abstract partial class DriverConformanceTests
    {
        private async Task<OciExecSession> OpenSessionAsync(string container, params string[] command) =>
            (OciExecSession)(await ContainerAsync(OciMethods.ExecSession, container, new OciExecSessionOptions { Command = command }).ConfigureAwait(false)).Data!;

        /// <summary>Reads whole lines until <paramref name="count"/> arrived or the output ended.</summary>
        private async Task<List<OciLogLine>> ReadLinesAsync(OciExecSession session, int count)
        {
            using var guard = new CancellationTokenSource(ContainerTimeout);
            var lines = new List<OciLogLine>();
            while (lines.Count < count && await session.ReadLineAsync(guard.Token).ConfigureAwait(false) is { } line)
                lines.Add(line);
            return lines;
        }

        [Fact]
        public async Task Exec_session_talks_with_a_running_command_line_by_line_and_ends_with_its_exit_code()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 120");
            await using var session = await OpenSessionAsync(c.Name, "sh", "-c", "while read -r l; do echo \"out:$l\"; echo \"err:$l\" >&2; done; echo bye; exit 7");
            Assert.Equal(c.Name, session.ContainerId);
            Assert.Equal(new[] { "sh", "-c" }, session.Command.Take(2));
            Assert.False(string.IsNullOrEmpty(session.ExecId));
            Assert.True(session.IsOpen && session.CanCloseInput);

            await session.WriteAsync("first ü ✓\n");
            var first = await ReadLinesAsync(session, 2);
            Assert.Equal(new[] { (OciLogStream.Stderr, "err:first ü ✓"), (OciLogStream.Stdout, "out:first ü ✓") },
                first.Select(l => (l.Stream, l.Text)).OrderBy(l => l.Stream.ToString(), StringComparer.Ordinal).ThenBy(l => l.Text, StringComparer.Ordinal));

            // A line far longer than one frame (and characters of several bytes cut anywhere) comes back whole.
            var longLine = string.Concat(Enumerable.Range(0, 40_000).Select(i => i % 7 == 0 ? "€" : "x"));
            await session.WriteAsync(longLine + "\n");
            var echoed = await ReadLinesAsync(session, 2);
            Assert.Equal("out:" + longLine, Assert.Single(echoed, l => l.Stream == OciLogStream.Stdout).Text);
            Assert.Equal("err:" + longLine, Assert.Single(echoed, l => l.Stream == OciLogStream.Stderr).Text);

            await session.CloseInputAsync();
            var last = await ReadLinesAsync(session, 10);
            Assert.Equal(new[] { "bye" }, last.Select(l => l.Text));
            Assert.Null(await session.ReadLineAsync());
            Assert.Null(await session.ReadAsync());
            using var guard = new CancellationTokenSource(ContainerTimeout);
            Assert.Equal(7, await session.GetExitCodeAsync(guard.Token));
        }

        [Fact]
        public async Task Exec_session_hands_on_output_frames_tagged_with_their_stream()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 120");
            await using var session = await OpenSessionAsync(c.Name, "sh", "-c", "cat; echo done >&2");
            var input = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(1, 5000).Select(i => $"line {i} ü")) + "\n");
            var writing = Task.Run(async () =>
            {
                await session.WriteAsync(input, 0, input.Length);
                await session.CloseInputAsync();
            });
            using var stdout = new MemoryStream();
            using var stderr = new MemoryStream();
            using var guard = new CancellationTokenSource(ContainerTimeout);
            while (await session.ReadAsync(guard.Token) is { } piece)
                (piece.Stream == OciLogStream.Stderr ? stderr : stdout).Write(piece.Data, 0, piece.Data.Length);
            await writing;
            Assert.Equal(input, stdout.ToArray());
            Assert.Equal("done\n", Encoding.UTF8.GetString(stderr.ToArray()));
            Assert.Equal(0, await session.GetExitCodeAsync(guard.Token));
        }

        [Fact]
        public async Task Exec_session_of_a_program_the_container_lacks_reports_the_engine_error_in_its_output()
        {
            // The engines answer the start with 101 and then write their error into the stream (dockerd on stdout,
            // Podman on stderr): the session opens, and what it reads says why the command did not run.
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 120");
            await using var session = await OpenSessionAsync(c.Name, "oci-no-such-program", "-s");
            var lines = await ReadLinesAsync(session, 100);
            Assert.Contains(lines, l => l.Text.Contains("oci-no-such-program", StringComparison.Ordinal));
            Assert.Null(await session.ReadLineAsync());
            using var guard = new CancellationTokenSource(ContainerTimeout);
            Assert.NotEqual(0, await session.GetExitCodeAsync(guard.Token));
        }

        [Fact]
        public async Task Exec_session_in_a_container_that_does_not_run_is_Conflict_and_bad_requests_are_refused()
        {
            await using var made = new MadeContainers(this);
            var c = await made.CreateAsync("true");
            await FailsAsync(OciErrorKind.Conflict, () => OpenSessionAsync(c.Name, "sh"), c.Name);
            await FailsAsync(OciErrorKind.NotFound, () => OpenSessionAsync("oci-conf-no-such-container-" + Guid.NewGuid().ToString("N"), "sh"));
            await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(OciMethods.ExecSession, c.Name, new OciExecSessionOptions()));
            await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(OciMethods.ExecSession, "bad name!", new OciExecSessionOptions { Command = new[] { "sh" } }), "bad name!");
            await FailsAsync(OciErrorKind.InvalidArgument, () => Client.OpenExecSessionAsync(" ", new OciExecSessionOptions { Command = new[] { "sh" } }));
        }

        [Fact]
        public async Task Disposing_an_exec_session_closes_the_command_stdin_so_it_ends()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 120");
            var session = await Client.OpenExecSessionAsync(c.Name, new OciExecSessionOptions { Command = new[] { "sh", "-c", "echo ready; cat >/dev/null; echo gone > /tmp/ended" } });
            Assert.Equal("ready", Assert.Single(await ReadLinesAsync(session, 1)).Text);
            session.Dispose();
            Assert.False(session.IsOpen);
            await FailsAsync(OciErrorKind.ConnectionClosed, () => session.ReadLineAsync());
            await FailsAsync(OciErrorKind.ConnectionClosed, () => session.WriteAsync("late\n"));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "cat", "/tmp/ended" } })).Stdout != "gone\n")
            {
                Assert.True(waited.Elapsed < ContainerTimeout, "the command did not end after its session was disposed");
                await Task.Delay(100);
            }
        }

        [Fact]
        public async Task Exec_session_ends_with_its_client_and_a_cancelled_read_ends_it()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 120");
            var client = await ConnectAsync();
            var session = await client.OpenExecSessionAsync(c.Name, new OciExecSessionOptions { Command = new[] { "cat" } });
            await client.DisposeAsync();
            Assert.False(session.IsOpen);
            await FailsAsync(OciErrorKind.ConnectionClosed, () => session.ReadAsync());

            await using var other = await OpenSessionAsync(c.Name, "cat");
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await FailsAsync(OciErrorKind.Cancelled, () => other.ReadAsync(cancel.Token));
            Assert.False(other.IsOpen);
        }
    }
}
