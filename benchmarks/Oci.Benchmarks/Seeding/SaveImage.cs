using System;
using System.Formats.Tar;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Seeding
{
    /// <summary>
    /// The image SAVE writes: one layer holding 1 GiB of random bytes, imported on each engine once from a tar the runner
    /// writes as it sends it (about half a minute) and kept as <see cref="Reference"/>. The bed's largest image is 256 MB;
    /// the issue asks for 1 GB. Imported rather than committed from a container of the bed's images: a committed image is
    /// a child of its base, and the engines then refuse the test suites' forced removal of that base by id.
    /// </summary>
    public static class SaveImage
    {
        public const string Reference = "oci-bench/save:1g";

        public const long Size = 1L << 30;

        public static async Task<string> EnsureAsync(BenchEngine engine, OciClient client, Action<string> log)
        {
            try
            {
                await client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Image, Reference));
                return Reference;
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
            log($"importing {Reference} into {engine} (1 GiB of random bytes in one layer)");
            await using var raw = await RawClient.ConnectAsync(engine);
            // Both engines take repo:tag in one parameter (Podman ignores a separate tag on import).
            var query = raw.Prefix + "images/create?fromSrc=-&repo=" + Uri.EscapeDataString(Reference);
            using var r = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Post, query) { Content = new LayerContent() });
            var body = await r.Content.ReadAsStringAsync();
            if (!r.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"Importing {Reference} into {engine} failed: {(int)r.StatusCode} {body}");
            return Reference;
        }

        /// <summary>A tar of one file, <c>big.bin</c>, of <see cref="Size"/> random bytes, written as it is sent.</summary>
        private sealed class LayerContent : HttpContent
        {
            public LayerContent() => Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                await using var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "big.bin") { DataStream = new RandomBytes(Size) });
            }

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }
        }

        /// <summary><c>length</c> random bytes; seekable only as far as the tar writer asks (its length, a start at 0).</summary>
        private sealed class RandomBytes : Stream
        {
            private readonly long _length;
            private long _position;

            public RandomBytes(long length) => _length = length;

            public override bool CanRead => true;
            public override bool CanSeek => true;
            public override bool CanWrite => false;
            public override long Length => _length;

            public override long Position
            {
                get => _position;
                set => _position = value;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = (int)Math.Min(count, _length - _position);
                Random.Shared.NextBytes(buffer.AsSpan(offset, n));
                _position += n;
                return n;
            }

            public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => _length + offset,
            };

            public override void Flush() { }
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
