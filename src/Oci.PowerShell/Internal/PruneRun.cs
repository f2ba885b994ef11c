using System;
using System.Collections.Generic;
using System.Linq;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The Clear-* cmdlets (prune): the candidates are asked for first (a dry run, which removes nothing), so the
    /// confirmation — and -WhatIf — names exactly what would go on each engine; then the engine prunes.
    /// </summary>
    internal static class PruneRun
    {
        /// <summary>Prunes <paramref name="kind"/> on each connection: <paramref name="options"/> builds the options of the dry run (true) and of the prune (false).</summary>
        public static void Run(OciCmdletBase cmdlet, IReadOnlyList<OciConnection> connections, OciKind kind, Func<bool, object> options)
        {
            var what = kind.ToString().ToLowerInvariant();
            foreach (var c in connections)
            {
                var dry = cmdlet.Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Prune, kind, null, options(true)), ct), c, terminating: false);
                if (dry?.Data is not OciPruneResult candidates) continue;
                var list = candidates.Deleted.Count == 0 ? "none" : string.Join(", ", candidates.Deleted.Select(Short));
                if (!cmdlet.ShouldProcess($"{candidates.Deleted.Count} unused {what}(s) on {c.Name} ({c.Endpoint}): {list}", $"Prune {what}s")) continue;
                var response = cmdlet.Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Prune, kind, null, options(false)), ct), c, terminating: false);
                if (response?.Data is not OciPruneResult result) continue;
                cmdlet.WriteVerbose($"{c.Name}: pruned {result.Deleted.Count} {what}(s), {result.SpaceReclaimed} bytes reclaimed.");
                cmdlet.Emit(result, c);
            }
        }

        /// <summary>Image ids shortened as docker shows them; names as they are.</summary>
        private static string Short(string id) =>
            id.StartsWith("sha256:", StringComparison.Ordinal) && id.Length > 19 ? id.Substring(7, 12) : id;
    }
}
