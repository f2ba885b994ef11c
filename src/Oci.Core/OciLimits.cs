using System;

namespace Oci
{
    /// <summary>
    /// The bounds on what a caller gives Oci, in one place (docs/reliability.md lists them with the grammar each value
    /// also follows). A value beyond its bound is refused as <see cref="OciErrorKind.InvalidArgument"/> (an image
    /// reference as <see cref="OciErrorKind.InvalidReference"/>) before anything is sent, whether it came as a typed
    /// options object or through a parameter dictionary. The messages name the value's length, never a secret.
    /// </summary>
    public static class OciLimits
    {
        /// <summary>The longest target of a request (an image reference or id, a container, volume or network name or id).</summary>
        public const int MaxTargetLength = 4096;

        /// <summary>The longest endpoint text (<c>unix://…</c>, <c>tcp://…</c>, <c>ssh://…</c>).</summary>
        public const int MaxEndpointLength = 2048;

        /// <summary>The longest method name (<c>PULL</c>, a driver's own).</summary>
        public const int MaxMethodLength = 64;

        /// <summary>The longest name Oci keeps itself (a connection's name in a PowerShell session) and the longest wildcard pattern.</summary>
        public const int MaxNameLength = 255;

        /// <summary>The longest file-system path (a certificate folder, a key file, an archive, a copy's source or destination).</summary>
        public const int MaxPathLength = 4096;

        /// <summary>The longest string any other parameter carries (a label, an environment value, a filter, a command argument).</summary>
        public const int MaxStringLength = 16 * 1024;

        /// <summary>The longest text given to a command's standard input (EXEC's <c>input</c>); larger data goes in with COPY.</summary>
        public const int MaxInputLength = 16 * 1024 * 1024;

        /// <summary>The most items of a list or entries of a dictionary parameter (command arguments, environment, labels, filters, mounts, ports).</summary>
        public const int MaxItems = 10_000;

        /// <summary>The most parameters of one request.</summary>
        public const int MaxParameters = 256;

        /// <summary>How deeply parameters may nest (dictionaries in dictionaries, lists of options).</summary>
        public const int MaxDepth = 8;

        /// <summary>
        /// The most characters all of one request's parameters carry together (standard input aside): a command line,
        /// its environment and labels have to fit the engine's own limits, about 2 MiB on Linux.
        /// </summary>
        public const int MaxRequestLength = 1024 * 1024;

        /// <summary>The most ssh options (<c>-SshOption</c>, <see cref="OciSshSettings"/>).</summary>
        public const int MaxSshOptions = 64;

        /// <summary>The longest timeout Oci accepts (a connect timeout, a container's stop grace): one day.</summary>
        public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

        /// <summary>A timeout a caller gave (<paramref name="what"/>: "connect timeout"): more than zero and at most <see cref="MaxTimeout"/>.</summary>
        internal static TimeSpan CheckTimeout(TimeSpan value, string what)
        {
            if (value <= TimeSpan.Zero || value > MaxTimeout)
                throw new OciException(OciErrorKind.InvalidArgument, $"The {what} must be more than 0 and at most one day; got {value}.", value.ToString());
            return value;
        }

        /// <summary>A value's length for an error message; the value itself is never shown by a bound.</summary>
        internal static OciException TooLong(string what, int length, int max, string? target = null) =>
            new(OciErrorKind.InvalidArgument, $"{what} is {length} characters long; at most {max} are accepted.", target);
    }
}
