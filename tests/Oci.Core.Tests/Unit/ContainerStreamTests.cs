using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>How the engines' multiplexed output (logs, exec, run) is taken apart into streams and lines.</summary>
    public class ContainerStreamTests
    {
        private static byte[] Frame(byte stream, string text)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            var frame = new byte[8 + payload.Length];
            frame[0] = stream;
            frame[4] = (byte)(payload.Length >> 24);
            frame[5] = (byte)(payload.Length >> 16);
            frame[6] = (byte)(payload.Length >> 8);
            frame[7] = (byte)payload.Length;
            payload.CopyTo(frame, 8);
            return frame;
        }

        /// <summary>A stream that hands out a few bytes a read at most, so frames arrive cut anywhere.</summary>
        private sealed class Trickle : MemoryStream
        {
            private readonly int _chunk;

            public Trickle(byte[] bytes, int chunk) : base(bytes) => _chunk = chunk;

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                base.ReadAsync(buffer, offset, Math.Min(count, _chunk), cancellationToken);
        }

        private static async Task<List<(OciLogStream Stream, string Line)>> LinesAsync(byte[] bytes, int chunk, bool multiplexed = true)
        {
            var lines = new List<(OciLogStream, string)>();
            var splitter = new LogLineSplitter();
            await foreach (var (which, data) in LogFrames.ReadAsync(new Trickle(bytes, chunk), multiplexed, CancellationToken.None))
                lines.AddRange(splitter.Add(which, data));
            lines.AddRange(splitter.Flush());
            return lines;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(8)]
        [InlineData(4096)]
        public async Task Frames_become_lines_per_stream_however_the_bytes_arrive(int chunk)
        {
            var bytes = Frame(1, "out1\nout").Concat(Frame(2, "err ü\n")).Concat(Frame(1, "2\r\n")).Concat(Frame(0, "")).Concat(Frame(1, "tail without newline")).ToArray();
            var lines = await LinesAsync(bytes, chunk);
            Assert.Equal(new[] { (OciLogStream.Stdout, "out1"), (OciLogStream.Stderr, "err ü"), (OciLogStream.Stdout, "out2"), (OciLogStream.Stdout, "tail without newline") }, lines);
        }

        [Fact]
        public async Task A_character_cut_across_two_frames_survives()
        {
            var euro = Encoding.UTF8.GetBytes("€\n");
            var first = Frame(1, "x");
            first[7] = 2;
            var bytes = first.Take(8).Concat(new[] { (byte)'x', euro[0] }).Concat(Frame(1, "")).ToList();
            var rest = Frame(1, "..\n");
            rest[8] = euro[1];
            rest[9] = euro[2];
            bytes.AddRange(rest);
            Assert.Equal(new[] { (OciLogStream.Stdout, "x€") }, await LinesAsync(bytes.ToArray(), 5));
        }

        [Fact]
        public async Task A_TTY_stream_is_raw_stdout()
        {
            var lines = await LinesAsync(Encoding.UTF8.GetBytes("a\nb"), 1, multiplexed: false);
            Assert.Equal(new[] { (OciLogStream.Stdout, "a"), (OciLogStream.Stdout, "b") }, lines);
        }

        [Fact]
        public async Task An_engine_error_frame_is_an_EngineError_and_a_broken_header_is_refused()
        {
            var e = await Assert.ThrowsAsync<OciException>(() => LinesAsync(Frame(3, "something broke"), 64));
            Assert.Equal(OciErrorKind.EngineError, e.Kind);
            Assert.Contains("something broke", e.Message);
            await Assert.ThrowsAsync<InvalidDataException>(() => LinesAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n"), 64));
            await Assert.ThrowsAsync<EndOfStreamException>(() => LinesAsync(Frame(1, "cut short").Take(12).ToArray(), 64));
        }

        [Fact]
        public async Task Collect_keeps_the_two_streams_whole()
        {
            var bytes = Frame(1, "a").Concat(Frame(2, "b")).Concat(Frame(1, "c\n")).ToArray();
            var (stdout, stderr) = await LogFrames.CollectAsync(new Trickle(bytes, 2), true, CancellationToken.None);
            Assert.Equal(("ac\n", "b"), (Encoding.UTF8.GetString(stdout), Encoding.UTF8.GetString(stderr)));
        }

        [Theory]
        [InlineData("2026-11-29T19:33:56.365741576Z hello world", "hello world", true)]
        [InlineData("2026-11-29T19:33:57Z ", "", true)]
        [InlineData("no stamp here", "no stamp here", false)]
        public void Timestamps_are_taken_off_the_front(string raw, string text, bool stamped)
        {
            var line = DockerLogsHandler.ToLine("c", OciLogStream.Stdout, raw, timestamps: true);
            Assert.Equal((text, stamped), (line.Text, line.Timestamp is not null));
            Assert.Equal(raw, DockerLogsHandler.ToLine("c", OciLogStream.Stdout, raw, timestamps: false).Text);
        }

        [Fact]
        public void The_logs_query_is_checked_before_anything_is_sent()
        {
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => DockerLogsHandler.Query("c", new OciContainerLogOptions { Stdout = false, Stderr = false })).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => DockerLogsHandler.Query("c", new OciContainerLogOptions { Tail = -1 })).Kind);
            var q = DockerLogsHandler.Query("c", new OciContainerLogOptions { Since = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), Follow = true, Tail = 5 });
            Assert.Contains("since=1700000000.25", q);
            Assert.Contains("tail=5", q);
            // Without follow the tail is counted by the driver, over the streams asked for.
            Assert.Contains("tail=all", DockerLogsHandler.Query("c", new OciContainerLogOptions { Tail = 5 }));
        }
    }
}
