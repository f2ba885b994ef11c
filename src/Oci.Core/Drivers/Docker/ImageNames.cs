using System;
using System.Collections.Generic;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The tags and repository digests an engine listed for one image, each parsed once (a LIST maps a thousand images:
    /// parsing every name again for each property was most of its cost), in Docker's familiar form.
    /// </summary>
    internal readonly struct ImageNames
    {
        private const string NoTag = "<none>:<none>";
        private const string NoDigest = "<none>@<none>";

        private static readonly ImageNames None = new(Array.Empty<string>(), Array.Empty<string>(), null, Array.Empty<(string, ImageReference?)>());

        // The repoDigests entries that name a digest ('@' after the name), as given and parsed (null: not a reference).
        private readonly (string Text, ImageReference? Parsed)[] _repoDigests;

        private ImageNames(string[] tags, string[] digests, ImageReference? firstTag, (string, ImageReference?)[] repoDigests)
        {
            Tags = tags;
            Digests = digests;
            FirstTagReference = firstTag;
            _repoDigests = repoDigests;
        }

        /// <summary>
        /// The tags, familiar. Podman's compat list also puts the <c>name@digest</c> an image was pulled by among its
        /// RepoTags; those are digests, and <c>&lt;none&gt;:&lt;none&gt;</c> is no tag. What does not parse is kept as it is.
        /// </summary>
        public string[] Tags { get; }

        /// <summary>The repository digests (<c>name@sha256:…</c>), familiar, including any an engine listed among the tags.</summary>
        public string[] Digests { get; }

        /// <summary>The first tag (the image's reference when listed), or null.</summary>
        public string? FirstTag => Tags.Length > 0 ? Tags[0] : null;

        /// <summary>The first tag parsed (null when there is none or it does not parse).</summary>
        public ImageReference? FirstTagReference { get; }

        public static ImageNames Of(IReadOnlyList<string>? repoTags, IReadOnlyList<string>? repoDigests)
        {
            var tagCount = repoTags?.Count ?? 0;
            var digestCount = repoDigests?.Count ?? 0;
            if (tagCount == 0 && digestCount == 0) return None;
            // Arrays of the most there can be, cut to size only when something was left out (usually nothing is).
            var tags = new string[tagCount];
            var nTags = 0;
            string[]? digestTags = null;
            var nDigestTags = 0;
            ImageReference? firstTag = null;
            for (var i = 0; i < tagCount; i++)
            {
                var t = repoTags![i];
                if (string.IsNullOrEmpty(t) || t == NoTag) continue;
                if (!ImageReference.TryParse(t, out var parsed))
                {
                    nTags = AddDistinct(tags, nTags, t);
                }
                else if (parsed!.Digest is not null)
                {
                    (digestTags ??= new string[tagCount])[nDigestTags++] = parsed.ToFamiliarString(t);
                }
                else
                {
                    if (nTags == 0) firstTag = parsed;
                    nTags = AddDistinct(tags, nTags, parsed.ToFamiliarString(t));
                }
            }
            var digests = new string[digestCount + nDigestTags];
            var nDigests = 0;
            var named = new (string, ImageReference?)[digestCount];
            var nNamed = 0;
            for (var i = 0; i < digestCount; i++)
            {
                var d = repoDigests![i];
                if (string.IsNullOrEmpty(d)) continue;
                var parsed = d == NoDigest ? null : ImageReference.TryParse(d, out var p) ? p : null;
                if (d.IndexOf('@') > 0) named[nNamed++] = (d, parsed);
                if (d != NoDigest) nDigests = AddDistinct(digests, nDigests, parsed?.ToFamiliarString(d) ?? d);
            }
            for (var i = 0; i < nDigestTags; i++) nDigests = AddDistinct(digests, nDigests, digestTags![i]);
            return new ImageNames(Cut(tags, nTags), Cut(digests, nDigests), firstTag, Cut(named, nNamed));
        }

        /// <summary>The manifest digest recorded for <paramref name="wanted"/>'s repository, else the only one there is.</summary>
        public string? DigestFor(ImageReference? wanted)
        {
            if (wanted is not null)
            {
                foreach (var (_, have) in _repoDigests)
                    if (have is not null && have.SameRepository(wanted)) return have.Digest;
            }
            return _repoDigests.Length == 1 ? _repoDigests[0].Text.Substring(_repoDigests[0].Text.IndexOf('@') + 1) : null;
        }

        // Adds value to list[0..count) unless there; the new count. Lists hold a tag or two: a linear look beats hashing.
        private static int AddDistinct(string[] list, int count, string value)
        {
            for (var i = 0; i < count; i++)
                if (string.Equals(list[i], value, StringComparison.Ordinal)) return count;
            list[count] = value;
            return count + 1;
        }

        private static T[] Cut<T>(T[] items, int count)
        {
            if (count == items.Length) return items;
            if (count == 0) return Array.Empty<T>();
            var cut = new T[count];
            Array.Copy(items, cut, count);
            return cut;
        }
    }
}
