using System;
using System.Collections.Generic;
using System.Globalization;

namespace Oci.Drivers.Docker
{
    /// <summary>The signals KILL accepts: Linux signal names (with or without SIG) and numbers 1–64, checked before anything is sent.</summary>
    internal static class Signals
    {
        private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
        {
            "ABRT", "ALRM", "BUS", "CHLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR",
            "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM",
            "WINCH", "XCPU", "XFSZ",
        };

        /// <summary>The signal as the engines take it (<c>SIGKILL</c>, <c>9</c>); <c>SIGKILL</c> when none is given.</summary>
        public static string Check(string? signal)
        {
            if (string.IsNullOrWhiteSpace(signal)) return "SIGKILL";
            var s = signal!.Trim().ToUpperInvariant();
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (n is >= 1 and <= 64) return n.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                var bare = s.StartsWith("SIG", StringComparison.Ordinal) ? s.Substring(3) : s;
                if (Names.Contains(bare) || IsRealtime(bare)) return "SIG" + bare;
            }
            var shown = signal.Length > 40 ? signal.Substring(0, 40) + "…" : signal;
            throw new OciException(OciErrorKind.InvalidArgument, $"'{shown}' is not a signal: use a name such as KILL, TERM, HUP, INT, USR1 (SIG prefix optional) or a number from 1 to 64.", shown);
        }

        // RTMIN, RTMIN+3, RTMAX-2.
        private static bool IsRealtime(string name)
        {
            if (!name.StartsWith("RTMIN", StringComparison.Ordinal) && !name.StartsWith("RTMAX", StringComparison.Ordinal)) return false;
            var rest = name.Substring(5);
            return rest.Length == 0 || ((rest[0] == '+' || rest[0] == '-') && int.TryParse(rest.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 0 and <= 30);
        }
    }
}
