using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The read of the Get-* cmdlets of named things (volumes, networks): one LIST per engine at once, the names matched
    /// here with PowerShell's wildcards, each object written with its connection, and a literal name that no engine has
    /// written as a non-terminating <c>Oci.&lt;Kind&gt;NotFound</c>.
    /// </summary>
    internal static class NamedReads
    {
        public static void Write<T>(OciCmdletBase cmdlet, IReadOnlyList<OciConnection> connections, OciKind kind, object options,
            IReadOnlyList<string>? names, Func<T, IEnumerable<string>> namesOf)
        {
            var patterns = (names ?? Array.Empty<string>()).Select(n => (Text: n, Pattern: cmdlet.Pattern(n), Found: new bool[1])).ToList();
            cmdlet.InvokeEach(connections,
                (c, ct) => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, kind, null, options), ct),
                (c, response) =>
                {
                    foreach (var item in (IEnumerable<T>)response.Data!)
                    {
                        var matched = patterns.Count == 0;
                        foreach (var p in patterns)
                        {
                            if (!namesOf(item).Any(p.Pattern.IsMatch)) continue;
                            p.Found[0] = matched = true;
                        }
                        if (matched) cmdlet.Emit(item!, c);
                    }
                },
                null, kind);
            foreach (var p in patterns.Where(p => !p.Found[0] && !WildcardPattern.ContainsWildcardCharacters(p.Text)))
                cmdlet.WriteError(OciErrors.From(new OciException(OciErrorKind.NotFound,
                    $"No {kind.ToString().ToLowerInvariant()} named '{p.Text}' on {string.Join(", ", connections.Select(c => c.Name))}.", p.Text), p.Text, kind));
        }
    }
}
