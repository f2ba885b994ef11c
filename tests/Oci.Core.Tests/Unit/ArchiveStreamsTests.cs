using System.IO;
using System.Linq;
using System.Text;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>What a load checks before sending, what it reads back, and that archives stream in chunks.</summary>
    public class ArchiveStreamsTests
    {
        private static byte[] Tar()
        {
            using var ms = new MemoryStream();
            using (var w = new System.Formats.Tar.TarWriter(ms, System.Formats.Tar.TarEntryFormat.Ustar, leaveOpen: true))
                w.WriteEntry(new System.Formats.Tar.UstarTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("[]")) });
            return ms.ToArray();
        }

        [Fact]
        public void A_tar_or_a_compressed_file_looks_like_an_archive_and_text_does_not()
        {
            Assert.True(ArchiveStreams.LooksLikeArchive(Tar().Take(512).ToArray()));
            Assert.True(ArchiveStreams.LooksLikeArchive(new byte[] { 0x1f, 0x8b, 8, 0 }));
            Assert.False(ArchiveStreams.LooksLikeArchive(Encoding.UTF8.GetBytes("this is not an image archive\n")));
            var broken = Tar().Take(512).ToArray();
            broken[0] ^= 0xff; // the header checksum no longer holds
            Assert.False(ArchiveStreams.LooksLikeArchive(broken));
        }

        [Fact]
        public void The_upload_sends_the_head_then_the_rest_and_reports_bytes_in_chunks()
        {
            var data = Enumerable.Range(0, 600_000).Select(i => (byte)i).ToArray();
            var rest = new MemoryStream(data, 512, data.Length - 512);
            var reported = new System.Collections.Generic.List<long>();
            var upload = new ArchiveStreams.Upload(data.Take(512).ToArray(), rest, reported.Add);
            var copy = new MemoryStream();
            upload.CopyTo(copy, 81920);
            Assert.Equal(data, copy.ToArray());
            Assert.Equal(data.Length, upload.BytesRead);
            Assert.InRange(reported.Count, 1, data.Length / ArchiveStreams.ReportEvery);
            Assert.True(reported.SequenceEqual(reported.OrderBy(x => x)), "bytes only grow");
        }

        [Fact]
        public void Loaded_lines_of_both_engines_name_the_images()
        {
            Assert.Equal(new[] { "127.0.0.1:5000/a:1" }, DockerArchiveHandlers.Loaded("Loaded image: 127.0.0.1:5000/a:1\n"));
            Assert.Equal(new[] { "127.0.0.1:5000/a:1", "docker.io/library/b:latest" }, DockerArchiveHandlers.Loaded("Loaded image: 127.0.0.1:5000/a:1,b"));
            Assert.Equal(new[] { "sha256:" + new string('a', 64) }, DockerArchiveHandlers.Loaded("Loaded image ID: " + new string('a', 64) + "\n"));
            Assert.Empty(DockerArchiveHandlers.Loaded("something else"));
        }
    }
}
