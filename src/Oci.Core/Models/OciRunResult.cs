namespace Oci
{
    /// <summary>What RUN did: the container it made, what it wrote on each stream, how it ended, and whether it is gone.</summary>
    public sealed class OciRunResult
    {
        public string ContainerId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Image { get; init; } = string.Empty;

        public int ExitCode { get; init; }

        /// <summary>Everything the container wrote to stdout (UTF-8).</summary>
        public string Stdout { get; init; } = string.Empty;

        /// <summary>Everything the container wrote to stderr (UTF-8).</summary>
        public string Stderr { get; init; } = string.Empty;

        /// <summary>True when the container was removed afterwards (RUN without <c>keep</c>).</summary>
        public bool Removed { get; init; }

        public override string ToString() => $"{Name} exit {ExitCode}";
    }
}
