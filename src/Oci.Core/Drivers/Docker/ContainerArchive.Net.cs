#if NET8_0_OR_GREATER
using System.Formats.Tar;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    internal static partial class ContainerArchive
    {
        /// <summary>Writes the file or folder at <paramref name="localPath"/> as <paramref name="rootName"/> (mode, times and links kept).</summary>
        public static async Task<long> WriteAsync(string localPath, string rootName, Stream output, CancellationToken cancellationToken)
        {
            var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
                return await WriteTreeAsync(writer, new FileInfo(localPath).Attributes.HasFlag(FileAttributes.Directory) ? new DirectoryInfo(localPath) : new FileInfo(localPath), rootName, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<long> WriteTreeAsync(TarWriter writer, FileSystemInfo item, string name, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteEntryAsync(item.FullName, name, cancellationToken).ConfigureAwait(false);
            // A link is archived as a link, never followed.
            if (item.LinkTarget is not null) return 0;
            if (item is FileInfo file) return file.Length;
            long bytes = 0;
            foreach (var child in ((DirectoryInfo)item).EnumerateFileSystemInfos())
                bytes += await WriteTreeAsync(writer, child, name + "/" + child.Name, cancellationToken).ConfigureAwait(false);
            return bytes;
        }

        /// <summary>Extracts <paramref name="input"/> into <paramref name="destination"/>, its root renamed to <paramref name="rootName"/> when given.</summary>
        public static async Task<Outcome> ExtractAsync(Stream input, string destination, string? rootName, CancellationToken cancellationToken)
        {
            var outcome = new Outcome();
            var reader = new TarReader(input, leaveOpen: true);
            await using (reader.ConfigureAwait(false))
            {
                TarEntry? entry;
                while ((entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false)) is not null)
                {
                    if (entry.EntryType is TarEntryType.GlobalExtendedAttributes) continue;
                    var path = Target(destination, entry.Name, rootName);
                    if (path is null) continue;
                    switch (entry.EntryType)
                    {
                        case TarEntryType.Directory:
                            Directory.CreateDirectory(path);
                            break;
                        case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                            PrepareFile(path);
                            await entry.ExtractToFileAsync(path, overwrite: true, cancellationToken).ConfigureAwait(false);
                            outcome.Bytes += entry.Length;
                            break;
                        case TarEntryType.SymbolicLink:
                            PrepareFile(path);
                            if (File.Exists(path)) File.Delete(path);
                            File.CreateSymbolicLink(path, entry.LinkName);
                            break;
                        case TarEntryType.HardLink:
                            var source = Target(destination, entry.LinkName, rootName);
                            PrepareFile(path);
                            if (source is null || !File.Exists(source)) outcome.Warnings.Add($"{entry.Name}: a hard link to '{entry.LinkName}', which the archive did not hold before it; not copied.");
                            else File.Copy(source, path, overwrite: true);
                            break;
                        default:
                            outcome.Warnings.Add($"{entry.Name}: a {entry.EntryType} entry; only files, folders and links are copied.");
                            break;
                    }
                }
            }
            return outcome;
        }
    }
}
#endif
