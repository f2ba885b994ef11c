using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Oci.Host
{
    /// <summary>
    /// Turns <c>script.ps1 -Fresh -Reference x</c> into a PowerShell invocation the way <c>pwsh -File</c> does:
    /// <c>-Name</c> tokens are parameter names (<c>-Name:value</c> too), everything else is a literal string
    /// argument. Values are single-quoted, so nothing in them is evaluated.
    /// </summary>
    public static class CommandLine
    {
        private static readonly Regex ParameterToken = new(@"^-[A-Za-z_][A-Za-z0-9_]*(:.*)?$", RegexOptions.Singleline);

        public static string Build(string scriptPath, IEnumerable<string> arguments)
        {
            var sb = new StringBuilder("& ").Append(Quote(scriptPath));
            foreach (var a in arguments)
            {
                sb.Append(' ');
                var m = ParameterToken.Match(a);
                if (!m.Success) { sb.Append(Quote(a)); continue; }
                if (!m.Groups[1].Success) { sb.Append(a); continue; }
                var colon = a.IndexOf(':');
                var value = a.Substring(colon + 1);
                // pwsh -File takes -Switch:$false / -Switch:$true literally as booleans.
                sb.Append(a, 0, colon + 1).Append(value is "$false" or "$true" ? value : Quote(value));
            }
            return sb.ToString();
        }

        private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
