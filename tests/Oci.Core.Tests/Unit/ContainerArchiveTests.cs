using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>COPY's archives: written and read back whole, and never extracted outside their destination.</summary>
    public sealed class ContainerArchiveTests : IDisposable
    {
        private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "oci-archive-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public async Task A_folder_goes_into_a_tar_and_comes_back_under_another_name_with_its_links()
        {
            var source = Directory.CreateDirectory(Path.Combine(_root, "src")).FullName;
            Directory.CreateDirectory(Path.Combine(source, "sub"));
            File.WriteAllText(Path.Combine(source, "a.txt"), "alpha");
            File.WriteAllBytes(Path.Combine(source, "sub", "b.bin"), new byte[] { 0, 1, 2, 255 });
            File.CreateSymbolicLink(Path.Combine(source, "link"), "a.txt");
            using var tar = new MemoryStream();
            Assert.Equal(9, await ContainerArchive.WriteAsync(source, "payload", tar, CancellationToken.None));
            tar.Position = 0;
            var into = Directory.CreateDirectory(Path.Combine(_root, "out")).FullName;
            var outcome = await ContainerArchive.ExtractAsync(tar, into, "renamed", CancellationToken.None);
            Assert.Equal(9, outcome.Bytes);
            Assert.Empty(outcome.Warnings);
            Assert.Equal("alpha", File.ReadAllText(Path.Combine(into, "renamed", "a.txt")));
            Assert.Equal(new byte[] { 0, 1, 2, 255 }, File.ReadAllBytes(Path.Combine(into, "renamed", "sub", "b.bin")));
            Assert.Equal("a.txt", new FileInfo(Path.Combine(into, "renamed", "link")).LinkTarget);
        }

        [Theory]
        [InlineData("../escape.txt")]
        [InlineData("root/../../escape.txt")]
        [InlineData("/etc/escape.txt")]
        public void Entries_that_would_leave_the_destination_are_refused(string name) =>
            Assert.Throws<InvalidDataException>(() => ContainerArchive.Target(_root, name, null));

        [Fact]
        public async Task An_archive_cannot_write_through_a_link_it_made()
        {
            var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
            using var tar = new MemoryStream();
            await using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
            {
                await writer.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.SymbolicLink, "root/evil") { LinkName = outside });
                var file = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "root/evil/planted.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("x")) };
                await writer.WriteEntryAsync(file);
            }
            tar.Position = 0;
            var into = Directory.CreateDirectory(Path.Combine(_root, "dest")).FullName;
            await Assert.ThrowsAsync<InvalidDataException>(() => ContainerArchive.ExtractAsync(tar, into, null, CancellationToken.None));
            Assert.False(File.Exists(Path.Combine(outside, "planted.txt")));
        }
    }
}
