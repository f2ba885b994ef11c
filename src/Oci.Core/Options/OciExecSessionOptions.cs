using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// Options of EXEC_SESSION: a command started in a running container with its stdin, stdout and stderr attached and
    /// no TTY; the answer is an <see cref="OciExecSession"/>, a two-way stream to the running command.
    /// </summary>
    public sealed class OciExecSessionOptions
    {
        /// <summary>The command and its arguments (required).</summary>
        public IReadOnlyList<string>? Command { get; set; }

        /// <summary>Environment variables for the command (name → value).</summary>
        public IReadOnlyDictionary<string, string>? Environment { get; set; }

        /// <summary>The user to run as; null = the container's.</summary>
        public string? User { get; set; }

        /// <summary>The working directory (absolute); null = the container's.</summary>
        public string? WorkingDirectory { get; set; }
    }
}
