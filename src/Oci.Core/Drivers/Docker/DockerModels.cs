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
        public static OciImage ToImage(ImageInspectDto r, string? reference, string? digest = null)
        {
            var names = ImageNames.Of(r.RepoTags, r.RepoDigests);
            return new OciImage
            {
                Id = WithAlgorithm(r.Id),
                Reference = reference ?? names.FirstTag,
                Digest = digest ?? names.DigestFor(reference is null ? names.FirstTagReference : Parse(reference)),
                Tags = names.Tags,
                Digests = names.Digests,
                Size = r.Size,
                Created = DateTimeOffset.TryParse(r.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) && created.Year > 1 ? created : null,
                Os = r.Os,
                Architecture = r.Architecture,
            };
        }

        public static OciImage ToImage(ImageSummaryDto r)
        {
            var names = ImageNames.Of(r.RepoTags, r.RepoDigests);
            return new OciImage
            {
                Id = WithAlgorithm(r.Id),
                Reference = names.FirstTag,
                Digest = names.DigestFor(names.FirstTagReference),
                Tags = names.Tags,
                Digests = names.Digests,
                Size = r.Size,
                Created = r.Created > 0 ? DateTimeOffset.FromUnixTimeSeconds(r.Created) : null,
            };
        }

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
            id is null ? string.Empty : id.Length == 64 && IsHex(id) ? "sha256:" + id : id;

        /// <summary>The manifest digest recorded for <paramref name="reference"/>'s repository (or the only one there is).</summary>
        public static string? DigestFor(IReadOnlyList<string>? repoDigests, string? reference) =>
            ImageNames.Of(null, repoDigests).DigestFor(Parse(reference));

        /// <summary>Docker's familiar form of each reference (<c>docker.io/library/alpine:1</c> → <c>alpine:1</c>); what does not parse is kept as it is.</summary>
        public static IReadOnlyList<string> Familiar(IEnumerable<string>? references) =>
            references is null ? Array.Empty<string>()
                : references.Where(r => !string.IsNullOrEmpty(r)).Select(r => ImageReference.TryParse(r, out var p) ? p!.ToFamiliarString() : r).Distinct(StringComparer.Ordinal).ToArray();

        private static ImageReference? Parse(string? reference) =>
            reference is not null && ImageReference.TryParse(reference, out var parsed) ? parsed : null;

        private static bool IsHex(string s)
        {
            foreach (var c in s)
                if (!Uri.IsHexDigit(c)) return false;
            return true;
        }
    }
}
