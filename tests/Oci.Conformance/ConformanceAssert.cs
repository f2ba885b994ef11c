using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Oci.Conformance
{
    /// <summary>The suite's shared checks, public so adapter authors can use them in their own tests.</summary>
    public static class ConformanceAssert
    {
        private static readonly Regex ImageId = new("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant);
        private static readonly Regex Digest = new("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant);

        /// <summary>An image id: <c>sha256:</c> and 64 lowercase hex characters.</summary>
        public static void IsImageId(string? id) =>
            Assert.True(id is not null && ImageId.IsMatch(id), $"expected an image id (sha256:<64 hex>), got '{id}'");

        /// <summary>A manifest digest: <c>sha256:</c> and 64 lowercase hex characters.</summary>
        public static void IsDigest(string? digest) =>
            Assert.True(digest is not null && Digest.IsMatch(digest), $"expected a digest (sha256:<64 hex>), got '{digest}'");

        /// <summary>
        /// A pull's progress: every event names <paramref name="reference"/>; per layer the phase never goes back and
        /// byte counts never shrink within a phase; every layer ends Complete; exactly one image-wide Complete event
        /// and it is the last; events never overlapped.
        /// </summary>
        public static void PullProgressIsOrderedAndComplete(RecordingProgress progress, string reference)
        {
            Assert.False(progress.Overlapped, "progress events must be reported one at a time, in order");
            PullProgressIsOrderedAndComplete(progress.Events, reference);
        }

        /// <inheritdoc cref="PullProgressIsOrderedAndComplete(RecordingProgress, string)"/>
        public static void PullProgressIsOrderedAndComplete(IReadOnlyList<OciProgress> events, string reference)
        {
            Assert.NotEmpty(events);
            Assert.All(events, e => Assert.Equal(reference, e.Reference));
            Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Status), "every progress event carries a status"));
            var last = events[events.Count - 1];
            Assert.True(last.LayerId is null && last.IsComplete, $"the last event must complete the image (no LayerId, Phase Complete); it was '{last}' ({last.Phase})");
            Assert.Single(events, e => e.LayerId is null && e.IsComplete);
            foreach (var layer in events.Where(e => e.LayerId is not null).GroupBy(e => e.LayerId))
            {
                var phase = OciProgressPhase.Waiting;
                long current = 0;
                foreach (var e in layer)
                {
                    Assert.True(e.Phase >= phase, $"layer {layer.Key} went from {phase} back to {e.Phase} ('{e.Status}')");
                    if (e.Phase != phase) current = 0;
                    if (e.Current is long c)
                    {
                        Assert.True(c >= current, $"layer {layer.Key} {e.Phase} went from {current} back to {c} bytes");
                        current = c;
                    }
                    if (e.Current is long done && e.Total is long total)
                        Assert.True(done <= total || e.Phase != OciProgressPhase.Downloading, $"layer {layer.Key} reported {done} of {total} bytes");
                    phase = e.Phase;
                }
                Assert.True(phase == OciProgressPhase.Complete, $"layer {layer.Key} never completed; its last event was {phase}");
            }
        }

        /// <summary>An <see cref="OciException"/> of <paramref name="kind"/> that names <paramref name="target"/> as the caller gave it.</summary>
        public static void IsError(OciException e, OciErrorKind kind, string? target = null)
        {
            Assert.True(e.Kind == kind, $"expected {kind}, got {e.Kind}: {e.Message}");
            if (target is not null) Assert.Equal(target, e.Target);
            Assert.False(string.IsNullOrWhiteSpace(e.Message), "errors carry a message");
        }
    }
}
