using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// Reads a container's output as the engines send it (logs, attach, exec): without a TTY the two streams are
    /// multiplexed in frames of an 8-byte header — the stream (0 stdin, 1 stdout, 2 stderr, 3 an engine error), three
    /// zero bytes, the payload's length as a big-endian uint32 — and the payload; with a TTY it is one raw stream.
    /// Chunks are handed on as they arrive; cancellation closes the stream, which every transport honours.
    /// </summary>
    internal static class LogFrames
    {
        /// <summary>The largest frame accepted: engines send at most 32 KiB per frame, so more is a broken stream.</summary>
        private const int MaxFrame = 16 * 1024 * 1024;

        public static async IAsyncEnumerable<(OciLogStream Stream, byte[] Data)> ReadAsync(Stream stream, bool multiplexed, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var closeOnCancel = cancellationToken.Register(stream.Dispose);
            var header = new byte[8];
            if (!multiplexed)
            {
                var buffer = new byte[32 * 1024];
                int n;
                while ((n = await ReadAsync(stream, buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var chunk = new byte[n];
                    Buffer.BlockCopy(buffer, 0, chunk, 0, n);
                    yield return (OciLogStream.Stdout, chunk);
                }
                yield break;
            }
            while (await ReadFrameAsync(stream, header, cancellationToken).ConfigureAwait(false) is { } frame)
                yield return frame;
        }

        /// <summary>
        /// The next frame of a multiplexed stream (<paramref name="header"/>: an 8-byte buffer of the caller's); null when
        /// the stream ended between frames. An engine error frame (stream 3) is thrown as an <see cref="OciException"/>.
        /// </summary>
        public static async Task<(OciLogStream Stream, byte[] Data)?> ReadFrameAsync(Stream stream, byte[] header, CancellationToken cancellationToken)
        {
            if (!await FillAsync(stream, header, cancellationToken).ConfigureAwait(false)) return null;
            var length = (header[4] << 24) | (header[5] << 16) | (header[6] << 8) | header[7];
            if (header[0] > 3 || header[1] != 0 || header[2] != 0 || header[3] != 0 || length < 0 || length > MaxFrame)
                throw new InvalidDataException($"the engine's output stream is not multiplexed as expected (frame header {BitConverter.ToString(header)})");
            var payload = new byte[length];
            if (!await FillAsync(stream, payload, cancellationToken).ConfigureAwait(false) && length > 0)
                throw new EndOfStreamException("the engine's output stream ended inside a frame");
            if (header[0] == 3)
                throw new OciException(OciErrorKind.EngineError, "The engine reported an error in the container's output stream: " + System.Text.Encoding.UTF8.GetString(payload).Trim());
            return (header[0] == 2 ? OciLogStream.Stderr : OciLogStream.Stdout, payload);
        }

        /// <summary>Fills <paramref name="buffer"/>; false when the stream ended before its first byte.</summary>
        private static async Task<bool> FillAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await ReadAsync(stream, buffer, read, buffer.Length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    if (read == 0) return false;
                    throw new EndOfStreamException("the engine's output stream ended inside a frame header");
                }
                read += n;
            }
            return true;
        }

        private static async Task<int> ReadAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                return await stream.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Transport.ResponseContent.IsCancelledRead(e, cancellationToken))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        /// <summary>Reads the whole output, each stream's bytes kept apart (EXEC, RUN).</summary>
        public static async Task<(byte[] Stdout, byte[] Stderr)> CollectAsync(Stream stream, bool multiplexed, CancellationToken cancellationToken)
        {
            using var stdout = new MemoryStream();
            using var stderr = new MemoryStream();
            await foreach (var (which, data) in ReadAsync(stream, multiplexed, cancellationToken).ConfigureAwait(false))
                (which == OciLogStream.Stderr ? stderr : stdout).Write(data, 0, data.Length);
            return (stdout.ToArray(), stderr.ToArray());
        }
    }

    /// <summary>Cuts each stream's chunks into lines (at '\n', decoded as UTF-8 once whole, so a character split across chunks survives).</summary>
    internal sealed class LogLineSplitter
    {
        private readonly MemoryStream _stdout = new();
        private readonly MemoryStream _stderr = new();

        public IEnumerable<(OciLogStream Stream, string Line)> Add(OciLogStream stream, byte[] data)
        {
            var pending = stream == OciLogStream.Stderr ? _stderr : _stdout;
            var start = 0;
            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] != (byte)'\n') continue;
                pending.Write(data, start, i - start);
                yield return (stream, Take(pending));
                start = i + 1;
            }
            pending.Write(data, start, data.Length - start);
        }

        /// <summary>What is left of unfinished lines once the stream ended.</summary>
        public IEnumerable<(OciLogStream Stream, string Line)> Flush()
        {
            if (_stdout.Length > 0) yield return (OciLogStream.Stdout, Take(_stdout));
            if (_stderr.Length > 0) yield return (OciLogStream.Stderr, Take(_stderr));
        }

        private static string Take(MemoryStream pending)
        {
            var text = System.Text.Encoding.UTF8.GetString(pending.GetBuffer(), 0, (int)pending.Length);
            pending.SetLength(0);
            return text.EndsWith("\r", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
        }
    }
}
