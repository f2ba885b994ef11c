using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The tar archives of COPY, as the engines' archive API sends and takes them: a file or folder under one root name.
    /// Written and read as streams (never whole in memory) by the platform's tar where it has one (System.Formats.Tar on
    /// net8.0), SharpZipLib's on netstandard2.0. Extraction stays inside its destination: an entry that would leave it,
    /// through <c>..</c>, an absolute name or a link extracted before, is refused.
    /// </summary>
    internal static partial class ContainerArchive
    {
        /// <summary>What COPY did: bytes of file content, and what could not be copied (said, not hidden).</summary>
        internal sealed class Outcome
        {
            public long Bytes { get; set; }
            public List<string> Warnings { get; } = new();
        }

        /// <summary>
        /// Where an entry goes: <paramref name="name"/>'s first segment replaced by <paramref name="rootName"/> (when
        /// given), under <paramref name="destination"/>. Null for an entry with no name.
        /// </summary>
        internal static string? Target(string destination, string name, string? rootName)
        {
            var segments = name.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != ".").ToList();
            if (segments.Count == 0) return null;
            if (segments.Contains("..") || name.StartsWith("/", StringComparison.Ordinal))
                throw new InvalidDataException($"the archive's entry '{name}' would be written outside '{destination}'");
            if (rootName is not null) segments[0] = rootName;
            var path = Path.GetFullPath(Path.Combine(new[] { destination }.Concat(segments).ToArray()));
            var root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!(path + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
                throw new InvalidDataException($"the archive's entry '{name}' would be written outside '{destination}'");
            EnsureNoLinkBetween(destination, path, name);
            return path;
        }

        /// <summary>Refuses to write through a symbolic link below the destination (one an earlier entry may have made).</summary>
        private static void EnsureNoLinkBetween(string destination, string path, string name)
        {
            var root = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar);
            for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
            {
                if ((Directory.Exists(dir) || File.Exists(dir)) && (File.GetAttributes(dir) & FileAttributes.ReparsePoint) != 0)
                    throw new InvalidDataException($"the archive's entry '{name}' would be written through the link '{dir}'");
            }
        }

        /// <summary>The name a local path is archived under: its last segment.</summary>
        internal static string LocalName(string path) => Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

        private static void PrepareFile(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0) File.Delete(path);
            if (Directory.Exists(path)) throw new IOException($"'{path}' is a folder; a file of the archive cannot replace it");
        }
    }
}
