using System;

namespace Oci.PowerShell.Internal
{
    /// <summary>PowerShell's dates as the core takes them: a date without a kind is the user's local time, as Get-Date gives it.</summary>
    internal static class Times
    {
        public static DateTimeOffset? Offset(DateTime? time) =>
            time is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Local) : t) : null;
    }
}
