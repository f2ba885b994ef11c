using System.Collections.Generic;

namespace Oci
{
    /// <summary>Options of EXEC: a command run in a running container; the answer is an <see cref="OciExecResult"/>.</summary>
    public sealed class OciExecOptions
    {
        /// <summary>The command and its arguments (required).</summary>
        public IReadOnlyList<string>? Command { get; set; }

        /// <summary>Environment variables for the command (name → value).</summary>
        public IReadOnlyDictionary<string, string>? Environment { get; set; }

        /// <summary>The user to run as; null = the container's.</summary>
        public string? User { get; set; }

        /// <summary>The working directory (absolute); null = the container's.</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>Text written to the command's stdin (UTF-8), which is then closed; null = no stdin. Never shown in a request line.</summary>
        [Sensitive]
        public string? Input { get; set; }
    }
}
