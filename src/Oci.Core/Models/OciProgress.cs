namespace Oci
{
    /// <summary>
    /// One progress event of a long-running method (a pull, push, save or load). Events arrive in the engine's order on the
    /// thread serving the call. Layer events carry <see cref="LayerId"/>; image-wide events do not.
    /// </summary>
    public sealed class OciProgress
    {
        /// <summary>The image reference being pulled, normalised.</summary>
        public string Reference { get; init; } = string.Empty;

        /// <summary>The layer id (short digest) the event is about, or null for an image-wide event.</summary>
        public string? LayerId { get; init; }

        /// <summary>The engine's status text (<c>Downloading</c>, <c>Pull complete</c>, ...).</summary>
        public string Status { get; init; } = string.Empty;

        /// <summary>Bytes done in the current phase, when the engine reports them.</summary>
        public long? Current { get; init; }

        /// <summary>Bytes in the current phase, when the engine reports them.</summary>
        public long? Total { get; init; }

        /// <summary>The phase of the layer (or of the image, when <see cref="LayerId"/> is null).</summary>
        public OciProgressPhase Phase { get; init; }

        /// <summary>Percent complete of the current phase (0-100), when known.</summary>
        public int? PercentComplete => Total is > 0 && Current is >= 0 ? (int)System.Math.Min(100, Current.Value * 100 / Total.Value) : null;

        /// <summary>True when this event completes its layer, or the whole pull when <see cref="LayerId"/> is null.</summary>
        public bool IsComplete => Phase == OciProgressPhase.Complete;

        public override string ToString() =>
            LayerId is null ? $"{Reference}: {Status}" : $"{Reference} {LayerId}: {Status}{(PercentComplete is int p ? $" {p}%" : string.Empty)}";
    }

    /// <summary>Where a layer (or the image) is in a pull.</summary>
    public enum OciProgressPhase
    {
        /// <summary>Resolving, waiting, or any status the driver does not classify.</summary>
        Waiting,
        Downloading,
        Verifying,
        Extracting,
        /// <summary>The layer's bytes are being sent (a push), or an archive's (a save or load).</summary>
        Uploading,
        /// <summary>The layer is in the store (pulled or already there) or in the registry (pushed); for the image: the whole operation finished.</summary>
        Complete,
    }
}
