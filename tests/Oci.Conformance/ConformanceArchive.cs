using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Oci.Conformance
{
    /// <summary>
    /// Builds small image archives in <c>docker save</c>'s format (manifest.json, the config, one layer): images of the
    /// suite's own, unique by their labels, to load, list by label, make dangling and prune without touching anyone else's.
    /// </summary>
    public static class ConformanceArchive
    {
        /// <summary>An archive of one image tagged <paramref name="tag"/> (null: untagged) with <paramref name="labels"/> and one small file.</summary>
        public static byte[] Build(string? tag, IReadOnlyDictionary<string, string> labels)
        {
            var layer = Layer(JsonSerializer.Serialize(labels));
            var diffId = "sha256:" + Hex(SHA256.HashData(layer));
            var config = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["architecture"] = "amd64",
                ["os"] = "linux",
                ["created"] = "2024-01-01T00:00:00Z",
                ["config"] = new Dictionary<string, object> { ["Labels"] = labels, ["Cmd"] = new[] { "/bin/sh" } },
                ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = new[] { diffId } },
                ["history"] = new[] { new Dictionary<string, object> { ["created"] = "2024-01-01T00:00:00Z", ["created_by"] = "oci-conformance" } },
            }));
            var configName = Hex(SHA256.HashData(config)) + ".json";
            var layerName = Hex(SHA256.HashData(layer)) + "/layer.tar";
            var manifest = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
            {
                new Dictionary<string, object?> { ["Config"] = configName, ["RepoTags"] = tag is null ? null : new[] { tag }, ["Layers"] = new[] { layerName } },
            }));
            using var output = new MemoryStream();
            using (var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
            {
                Add(tar, configName, config);
                Add(tar, layerName, layer);
                Add(tar, "manifest.json", manifest);
            }
            return output.ToArray();
        }

        /// <summary>The image id an archive of <see cref="Build"/> loads as (the config's digest).</summary>
        public static string ImageId(byte[] archive)
        {
            using var reader = new TarReader(new MemoryStream(archive));
            while (reader.GetNextEntry() is { } entry)
            {
                if (!entry.Name.EndsWith(".json", StringComparison.Ordinal) || entry.Name == "manifest.json") continue;
                return "sha256:" + entry.Name.Substring(0, entry.Name.Length - 5);
            }
            throw new InvalidOperationException("The archive has no image config.");
        }

        private static byte[] Layer(string content)
        {
            using var output = new MemoryStream();
            using (var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
                Add(tar, "oci-conformance.txt", Encoding.UTF8.GetBytes(content));
            return output.ToArray();
        }

        private static void Add(TarWriter tar, string name, byte[] data)
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data), Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead };
            tar.WriteEntry(entry);
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
