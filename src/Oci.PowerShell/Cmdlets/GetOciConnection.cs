using System;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Lists the engine connections of this session.</para>
    /// Get-OciConnection [[-Name] &lt;string[]&gt;] (wildcards). A name without wildcards that matches nothing is a
    /// non-terminating <c>Oci.ConnectionNotFound</c> (ObjectNotFound) error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciConnection")]
    [OutputType(typeof(OciConnection))]
    public sealed class GetOciConnection : OciCmdletBase
    {
        /// <summary>Names of the connections to get; wildcards allowed. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connections = Session.Snapshot();
            if (Name is null || Name.Length == 0)
            {
                WriteObject(connections, enumerateCollection: true);
                return;
            }
            var written = new System.Collections.Generic.HashSet<OciConnection>();
            foreach (var name in Name)
            {
                var pattern = Pattern(name);
                var matches = connections.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(OciErrors.ConnectionNotFound(name));
                    continue;
                }
                foreach (var c in matches)
                    if (written.Add(c)) WriteObject(c);
            }
        }
    }
}
