using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// Image archives (SAVE, LOAD) as streams: copied in chunks with progress, never held whole in memory, and the
    /// start of an archive to load checked for what it is before anything is sent.
    /// </summary>
    internal static class ArchiveStreams
    {
        /// <summary>Bytes between two progress reports.</summary>
        internal const int ReportEvery = 256 * 1024;

        private const int TarBlock = 512;

        /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, reporting the bytes copied so far.</summary>
        public static async Task<long> CopyAsync(Stream source, Stream destination, Action<long> progress, CancellationToken cancellationToken)
        {
            var buffer = new byte[81920];
            long total = 0, reported = 0;
            int n;
            // On net8.0 the Memory overloads: the socket and file streams answer them with pooled ValueTasks, where the
            // array overloads allocate a Task per read and per write (a 1 GB save is tens of thousands of each).
#if NET8_0_OR_GREATER
            while ((n = await source.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
#else
            while ((n = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer, 0, n, cancellationToken).ConfigureAwait(false);
#endif
                total += n;
                if (total - reported >= ReportEvery)
                {
                    progress(total);
                    reported = total;
                }
            }
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return total;
        }

        /// <summary>Reads the first block of <paramref name="source"/>: what a load sends first.</summary>
        public static async Task<byte[]> HeadAsync(Stream source, CancellationToken cancellationToken)
        {
            var head = new byte[TarBlock];
            var read = 0;
            int n;
            while (read < head.Length && (n = await source.ReadAsync(head, read, head.Length - read, cancellationToken).ConfigureAwait(false)) > 0) read += n;
            if (read < head.Length) Array.Resize(ref head, read);
            return head;
        }

        /// <summary>True when <paramref name="head"/> starts a tar archive (its header checksum holds) or a compressed file the engines unpack (gzip, bzip2, xz, zstd).</summary>
        public static bool LooksLikeArchive(byte[] head)
        {
            bool Starts(params byte[] magic)
            {
                if (head.Length < magic.Length) return false;
                for (var i = 0; i < magic.Length; i++) if (head[i] != magic[i]) return false;
                return true;
            }
            if (Starts(0x1f, 0x8b) || Starts((byte)'B', (byte)'Z', (byte)'h') || Starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) || Starts(0x28, 0xb5, 0x2f, 0xfd))
                return true;
            if (head.Length < TarBlock) return false;
            // A tar header's checksum (octal, at 148) is the sum of its bytes with the checksum field read as spaces.
            long sum = 0;
            for (var i = 0; i < TarBlock; i++) sum += i is >= 148 and < 156 ? (byte)' ' : head[i];
            var field = System.Text.Encoding.ASCII.GetString(head, 148, 8).Trim('\0', ' ');
            try
            {
                return field.Length > 0 && Convert.ToInt64(field, 8) == sum;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                return false;
            }
        }

        /// <summary>A read-only stream of the first block already read, then the rest of the source, reporting the bytes read so far.</summary>
        public sealed class Upload : Stream
        {
            private readonly byte[] _head;
            private readonly Stream _rest;
            private readonly Action<long> _progress;
            private int _headAt;
            private long _read, _reported;

            public Upload(byte[] head, Stream rest, Action<long> progress)
            {
                _head = head;
                _rest = rest;
                _progress = progress;
            }

            public long BytesRead => _read;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _read; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                int n;
                if (_headAt < _head.Length)
                {
                    n = Math.Min(count, _head.Length - _headAt);
                    Buffer.BlockCopy(_head, _headAt, buffer, offset, n);
                    _headAt += n;
                }
                else
                {
                    n = await _rest.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                }
                _read += n;
                if (_read - _reported >= ReportEvery)
                {
                    _reported = _read;
                    _progress(_read);
                }
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
