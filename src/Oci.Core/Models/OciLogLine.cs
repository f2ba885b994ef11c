using System;

namespace Oci
{
    /// <summary>Which output stream of a container a line came from.</summary>
    public enum OciLogStream
    {
        Stdout,
        Stderr,
    }

    /// <summary>One line a container wrote, from LOGS (the engine's two streams kept apart).</summary>
    public sealed class OciLogLine
    {
        /// <summary>The container's id or name, as the request named it.</summary>
        public string Container { get; init; } = string.Empty;

        public OciLogStream Stream { get; init; }

        /// <summary>When the engine received the line (asked for with <c>timestamps</c>); null otherwise.</summary>
        public DateTimeOffset? Timestamp { get; init; }

        /// <summary>The line's text, without its line break.</summary>
        public string Text { get; init; } = string.Empty;

        public override string ToString() => Text;
    }
}
