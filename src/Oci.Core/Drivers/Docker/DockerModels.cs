using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// Maps the Docker API's answers onto Oci's engine-neutral models. Tags and repository digests are given in Docker's
    /// familiar form (<c>alpine:latest</c>, <c>127.0.0.1:5000/small:1.0</c>) whatever the engine said: dockerd already
    /// answers so, Podman answers fully qualified (<c>docker.io/library/alpine:latest</c>).
    /// </summary>
    internal static class DockerModels
    {
        public static OciImage ToImage(ImageInspectDto r, string? reference, string? digest = null) => new()
        {
            Id = WithAlgorithm(r.Id),
            Reference = reference ?? Tags(r.RepoTags).FirstOrDefault(),
            Digest = digest ?? DigestFor(r.RepoDigests, reference),
            Tags = Tags(r.RepoTags),
            Digests = Digests(r.RepoDigests, r.RepoTags),
            Size = r.Size,
            Created = DateTimeOffset.TryParse(r.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) && created.Year > 1 ? created : null,
            Os = r.Os,
            Architecture = r.Architecture,
        };

        public static OciImage ToImage(ImageSummaryDto r) => new()
        {
            Id = WithAlgorithm(r.Id),
            Reference = Tags(r.RepoTags).FirstOrDefault(),
            Digest = DigestFor(r.RepoDigests, Tags(r.RepoTags).FirstOrDefault()),
            Tags = Tags(r.RepoTags),
            Digests = Digests(r.RepoDigests, r.RepoTags),
            Size = r.Size,
            Created = r.Created > 0 ? DateTimeOffset.FromUnixTimeSeconds(r.Created) : null,
        };

        public static OciImageHistory ToHistory(ImageHistoryDto h) => new()
        {
            // Steps built elsewhere have no id here: dockerd says "<missing>", Podman "missing".
            Id = h.Id is null or "missing" or "<missing>" ? "<missing>" : WithAlgorithm(h.Id),
            Created = h.Created > 0 ? DateTimeOffset.FromUnixTimeSeconds(h.Created) : null,
            CreatedBy = h.CreatedBy ?? string.Empty,
            Tags = Familiar(h.Tags),
            Size = h.Size,
            Comment = h.Comment ?? string.Empty,
        };

        /// <summary>A time in RFC 3339 as the engines write it; null when absent or the zero time.</summary>
        public static DateTimeOffset? Time(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year > 1 ? t : null;

        /// <summary>An image id with its algorithm: some engines (Podman) leave <c>sha256:</c> off.</summary>
        public static string WithAlgorithm(string? id) =>
            id is null ? string.Empty : id.Length == 64 && id.All(Uri.IsHexDigit) ? "sha256:" + id : id;

        /// <summary>The manifest digest recorded for <paramref name="reference"/>'s repository (or the only one there is).</summary>
        public static string? DigestFor(IEnumerable<string>? repoDigests, string? reference)
        {
            if (repoDigests is null) return null;
            var all = repoDigests.Where(d => d.IndexOf('@') > 0).ToList();
            if (reference is not null && ImageReference.TryParse(reference, out var wanted))
            {
                foreach (var d in all)
                    if (ImageReference.TryParse(d, out var have) && have!.Repository == wanted!.Repository)
                        return have.Digest;
            }
            return all.Count == 1 ? all[0].Substring(all[0].IndexOf('@') + 1) : null;
        }

        /// <summary>
        /// The tags among <paramref name="repoTags"/>, familiar. Podman's compat list also puts the <c>name@digest</c> an
        /// image was pulled by among its RepoTags; those are digests, and <c>&lt;none&gt;:&lt;none&gt;</c> is no tag.
        /// </summary>
        public static IReadOnlyList<string> Tags(IEnumerable<string>? repoTags) =>
            Familiar(repoTags?.Where(t => t != "<none>:<none>" && !(ImageReference.TryParse(t, out var r) && r!.Digest is not null)));

        /// <summary>The repository digests (<c>name@sha256:…</c>), familiar, including any an engine listed among the tags.</summary>
        public static IReadOnlyList<string> Digests(IEnumerable<string>? repoDigests, IEnumerable<string>? repoTags) =>
            Familiar((repoDigests ?? Enumerable.Empty<string>()).Where(d => d != "<none>@<none>")
                .Concat((repoTags ?? Enumerable.Empty<string>()).Where(t => t != "<none>:<none>" && ImageReference.TryParse(t, out var r) && r!.Digest is not null)));

        /// <summary>Docker's familiar form of each reference (<c>docker.io/library/alpine:1</c> → <c>alpine:1</c>); what does not parse is kept as it is.</summary>
        public static IReadOnlyList<string> Familiar(IEnumerable<string>? references) =>
            references is null ? Array.Empty<string>()
                : references.Where(r => !string.IsNullOrEmpty(r)).Select(r => ImageReference.TryParse(r, out var p) ? p!.ToFamiliarString() : r).Distinct(StringComparer.Ordinal).ToArray();
    }
}
