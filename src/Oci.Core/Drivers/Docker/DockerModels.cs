using System;
using System.Collections.Generic;
using System.Linq;
using global::Docker.DotNet.Models;

namespace Oci.Drivers.Docker
{
    /// <summary>Maps Docker.DotNet's models onto Oci's engine-neutral ones.</summary>
    internal static class DockerModels
    {
        public static OciImage ToImage(ImageInspectResponse r, string? reference, string? digest = null) => new()
        {
            Id = r.ID ?? string.Empty,
            Reference = reference ?? r.RepoTags?.FirstOrDefault(),
            Digest = digest ?? DigestFor(r.RepoDigests, reference),
            Tags = Freeze(r.RepoTags),
            Digests = Freeze(r.RepoDigests),
            Size = r.Size,
            Created = AsOffset(r.Created),
            Os = r.Os,
            Architecture = r.Architecture,
        };

        public static OciImage ToImage(ImagesListResponse r) => new()
        {
            Id = r.ID ?? string.Empty,
            Reference = r.RepoTags?.FirstOrDefault(t => t != "<none>:<none>"),
            Digest = DigestFor(r.RepoDigests, r.RepoTags?.FirstOrDefault()),
            Tags = Freeze(r.RepoTags?.Where(t => t != "<none>:<none>")),
            Digests = Freeze(r.RepoDigests?.Where(d => d != "<none>@<none>")),
            Size = r.Size,
            Created = AsOffset(r.Created),
        };

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

        private static IReadOnlyList<string> Freeze(IEnumerable<string>? items) =>
            items is null ? Array.Empty<string>() : items.ToArray();

        private static DateTimeOffset? AsOffset(DateTime? created) =>
            created is not { } c || c == default ? null : new DateTimeOffset(DateTime.SpecifyKind(c, c.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : c.Kind));
    }
}
