using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Oci.Benchmarks.Clients;

namespace Oci.Benchmarks.Seeding
{
    /// <summary>
    /// What the benchmarks need on an engine: the image INSPECT asks for, and <see cref="BenchEngine.ListSize"/> distinct
    /// images for LIST, each imported from a tiny tarball of its own (about 40 ms apiece); only the missing ones are made,
    /// so a second run costs one list. Each has its own layer: Podman 4.3 takes minutes to list a thousand images that share
    /// one top layer (it relates every such pair as parent and child).
    /// </summary>
    public static class ListImages
    {
        public static async Task EnsureAsync(BenchEngine engine, Action<string> log)
        {
            await using (var oci = await OciClient.ConnectAsync(engine.Driver, engine.Endpoint))
                await oci.PullAsync(BenchEngine.InspectImage);
            await using var raw = await RawClient.ConnectAsync(engine);
            var have = await SeededTagsAsync(raw);
            var missing = Enumerable.Range(0, engine.ListSize).Where(i => !have.Contains(Tag(i))).ToList();
            if (missing.Count == 0) return;
            log($"seeding {missing.Count} images into {engine} ({BenchEngine.ListRepository})");
            using var gate = new SemaphoreSlim(4);
            await Task.WhenAll(missing.Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    await ImportAsync(raw, i);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        private static string Tag(int i) => "n" + i;

        private static async Task<HashSet<string>> SeededTagsAsync(RawClient raw)
        {
            using var r = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Get, raw.Prefix + "images/json"));
            using var doc = JsonDocument.Parse(await r.Content.ReadAsByteArrayAsync());
            var tags = new HashSet<string>(StringComparer.Ordinal);
            var marker = BenchEngine.ListRepository + ":";
            foreach (var image in doc.RootElement.EnumerateArray())
            {
                if (!image.TryGetProperty("RepoTags", out var repoTags) || repoTags.ValueKind != JsonValueKind.Array) continue;
                foreach (var t in repoTags.EnumerateArray())
                {
                    var s = t.GetString() ?? string.Empty;
                    var at = s.IndexOf(marker, StringComparison.Ordinal);
                    if (at >= 0) tags.Add(s.Substring(at + marker.Length));
                }
            }
            return tags;
        }

        // Both engines take repo:tag in one parameter (Podman ignores a separate tag on import).
        private static async Task ImportAsync(RawClient raw, int i)
        {
            var query = raw.Prefix + "images/create?fromSrc=-&repo=" + Uri.EscapeDataString(BenchEngine.ListRepository + ":" + Tag(i))
                        + "&changes=" + Uri.EscapeDataString("LABEL oci.bench.n=" + i);
            var content = new ByteArrayContent(Layer(i));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
            using var r = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Post, query) { Content = content });
            var body = await r.Content.ReadAsStringAsync();
            if (!r.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"Importing {BenchEngine.ListRepository}:{Tag(i)} failed: {(int)r.StatusCode} {body}");
        }

        private static byte[] Layer(int i)
        {
            using var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "oci-bench") { DataStream = new MemoryStream(Encoding.ASCII.GetBytes("oci-bench " + i + "\n")) });
            return tar.ToArray();
        }
    }
}
