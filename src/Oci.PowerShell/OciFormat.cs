using System;
using System.Globalization;

namespace Oci.PowerShell
{
    /// <summary>
    /// The text views show (Formats/*.format.ps1xml call these): sizes in docker's decimal units and ages in its words, so
    /// every view says them alike. Only .NET types in the signatures: views run on Windows PowerShell 5.1 too.
    /// </summary>
    public static class OciFormat
    {
        /// <summary>Bytes in decimal units, as docker shows them: <c>1.98MB</c>.</summary>
        public static string Size(long bytes)
        {
            string[] units = { "B", "kB", "MB", "GB", "TB", "PB" };
            double n = bytes;
            var i = 0;
            while (n >= 1000 && i < units.Length - 1)
            {
                n /= 1000;
                i++;
            }
            return n.ToString("0.##", CultureInfo.InvariantCulture) + units[i];
        }

        /// <summary>How long ago, in docker's words (go-units HumanDuration): <c>2 hours ago</c>; empty for no time.</summary>
        public static string Ago(DateTimeOffset? time)
        {
            if (time is not { } t) return string.Empty;
            var age = DateTimeOffset.UtcNow - t;
            var s = Math.Floor(age.TotalSeconds);
            var m = Math.Floor(age.TotalMinutes);
            var h = Math.Floor(age.TotalHours);
            if (s < 1) return "Less than a second ago";
            if (s < 60) return $"{s} seconds ago";
            if (m == 1) return "About a minute ago";
            if (m < 60) return $"{m} minutes ago";
            if (h == 1) return "About an hour ago";
            if (h < 48) return $"{h} hours ago";
            if (h < 24 * 7 * 2) return $"{Math.Floor(h / 24)} days ago";
            if (h < 24 * 30 * 2) return $"{Math.Floor(h / 24 / 7)} weeks ago";
            if (h < 24 * 365 * 2) return $"{Math.Floor(h / 24 / 30)} months ago";
            return $"{Math.Floor(h / 24 / 365)} years ago";
        }
    }
}
