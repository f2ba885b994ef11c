using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>What a command run in a container (EXEC) wrote and how it ended.</summary>
    public sealed class OciExecResult
    {
        /// <summary>The container's id.</summary>
        public string ContainerId { get; init; } = string.Empty;

        public IReadOnlyList<string> Command { get; init; } = Array.Empty<string>();

        public int ExitCode { get; init; }

        /// <summary>Everything the command wrote to stdout (UTF-8).</summary>
        public string Stdout { get; init; } = string.Empty;

        /// <summary>Everything the command wrote to stderr (UTF-8).</summary>
        public string Stderr { get; init; } = string.Empty;

        public override string ToString() => $"exit {ExitCode}: {string.Join(" ", Command)}";
    }
}
