using System.Text.RegularExpressions;

namespace Oci.PowerShell.Internal
{
    /// <summary>docker cp's <c>container:path</c>. A one-letter prefix is a Windows drive (C:\x), never a container (names have two characters at least).</summary>
    internal static class ContainerPath
    {
        private static readonly Regex Pattern = new("^(?<container>[a-zA-Z0-9][a-zA-Z0-9_.-]+):(?<path>.*)$", RegexOptions.CultureInvariant);

        public static (string Container, string Path)? TryParse(string text)
        {
            var m = Pattern.Match(text ?? string.Empty);
            return m.Success ? (m.Groups["container"].Value, m.Groups["path"].Value) : null;
        }
    }
}
