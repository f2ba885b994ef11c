#if !NET8_0_OR_GREATER
using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ICSharpCode.SharpZipLib.Tar;

namespace Oci.Drivers.Docker
{
    // netstandard2.0 has no tar and no API for Unix modes or symbolic links: files are archived 0644 and folders 0755,
    // a link is archived as what it points to, and links in an archive are reported instead of created.
    internal static partial class ContainerArchive
    {
        public static async Task<long> WriteAsync(string localPath, string rootName, Stream output, CancellationToken cancellationToken)
        {
            // Disposing (not only FinishAsync) writes the last block of the archive; the output stays open.
            using var tar = new TarOutputStream(output, Encoding.UTF8) { IsStreamOwner = false };
            return Directory.Exists(localPath)
                ? await WriteTreeAsync(tar, new DirectoryInfo(localPath), rootName, cancellationToken).ConfigureAwait(false)
                : await WriteTreeAsync(tar, new FileInfo(localPath), rootName, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<long> WriteTreeAsync(TarOutputStream tar, FileSystemInfo item, string name, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = item is DirectoryInfo;
            var entry = TarEntry.CreateTarEntry(directory ? name + "/" : name);
            entry.ModTime = item.LastWriteTimeUtc;
            entry.TarHeader.Mode = directory ? Convert.ToInt32("755", 8) : Convert.ToInt32("644", 8);
            entry.TarHeader.TypeFlag = directory ? TarHeader.LF_DIR : TarHeader.LF_NORMAL;
            entry.Size = item is FileInfo f ? f.Length : 0;
            await tar.PutNextEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            if (item is FileInfo file)
            {
                using (var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                    await content.CopyToAsync(tar, 81920, cancellationToken).ConfigureAwait(false);
                await tar.CloseEntryAsync(cancellationToken).ConfigureAwait(false);
                return file.Length;
            }
            await tar.CloseEntryAsync(cancellationToken).ConfigureAwait(false);
            long bytes = 0;
            foreach (var child in ((DirectoryInfo)item).EnumerateFileSystemInfos())
                bytes += await WriteTreeAsync(tar, child, name + "/" + child.Name, cancellationToken).ConfigureAwait(false);
            return bytes;
        }

        public static async Task<Outcome> ExtractAsync(Stream input, string destination, string? rootName, CancellationToken cancellationToken)
        {
            var outcome = new Outcome();
            var tar = new TarInputStream(input, Encoding.UTF8) { IsStreamOwner = false };
            TarEntry? entry;
            while ((entry = await tar.GetNextEntryAsync(cancellationToken).ConfigureAwait(false)) is not null)
            {
                var type = entry.TarHeader.TypeFlag;
                if (type is TarHeader.LF_GHDR or TarHeader.LF_XHDR) continue;
                var path = Target(destination, entry.Name, rootName);
                if (path is null) continue;
                if (entry.IsDirectory)
                {
                    Directory.CreateDirectory(path);
                }
                else if (type is TarHeader.LF_NORMAL or TarHeader.LF_OLDNORM or TarHeader.LF_CONTIG)
                {
                    PrepareFile(path);
                    using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                        await tar.CopyEntryContentsAsync(file, cancellationToken).ConfigureAwait(false);
                    File.SetLastWriteTimeUtc(path, entry.ModTime);
                    outcome.Bytes += entry.Size;
                }
                else if (type == TarHeader.LF_LINK && Target(destination, entry.TarHeader.LinkName, rootName) is { } source && File.Exists(source))
                {
                    PrepareFile(path);
                    File.Copy(source, path, overwrite: true);
                }
                else
                {
                    outcome.Warnings.Add(type == TarHeader.LF_SYMLINK
                        ? $"{entry.Name}: a symbolic link to '{entry.TarHeader.LinkName}'; this platform cannot create links, not copied."
                        : $"{entry.Name}: an entry of tar type '{(char)type}'; only files and folders are copied.");
                }
            }
            return outcome;
        }
    }
}
#endif
