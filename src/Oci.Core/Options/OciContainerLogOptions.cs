using System;

namespace Oci
{
    /// <summary>Options of LOGS, a stream of <see cref="OciLogLine"/>.</summary>
    public sealed class OciContainerLogOptions
    {
        /// <summary>Lines written to stdout (default true).</summary>
        public bool Stdout { get; set; } = true;

        /// <summary>Lines written to stderr (default true).</summary>
        public bool Stderr { get; set; } = true;

        /// <summary>Only the last this many lines of the streams asked for; null = all. With <see cref="Follow"/>, the engine counts them (Podman over both streams).</summary>
        public int? Tail { get; set; }

        /// <summary>Only lines written at or after this time.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Report when each line was written (<see cref="OciLogLine.Timestamp"/>).</summary>
        public bool Timestamps { get; set; }

        /// <summary>Go on streaming lines as they are written, until the container stops or the caller cancels.</summary>
        public bool Follow { get; set; }
    }
}
