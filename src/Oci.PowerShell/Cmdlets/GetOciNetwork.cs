using System.Collections.Generic;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Lists the networks of one or several engines, like docker network ls.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciNetwork")]
    [OutputType(typeof(OciNetwork))]
    public sealed class GetOciNetwork : OciCmdletBase
    {
        private readonly List<OciConnection> _connections = new();
        private readonly List<string> _names = new();

        /// <summary>Network names or ids to get (wildcards allowed). Default: all networks.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only networks with every one of these labels: key or key=value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Only networks of this driver (bridge, macvlan, ...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        /// <summary>The engines to read from (several at once). Default: the session default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection is not null) _connections.AddRange(Connection);
            if (Name is not null) _names.AddRange(Name);
        }

        protected override void EndProcessing()
        {
            var options = new OciNetworkListOptions { Labels = Label ?? System.Array.Empty<string>(), Driver = Driver };
            NamedReads.Write<OciNetwork>(this, ResolveConnections(_connections), OciKind.Network, options, _names, n => new[] { n.Name, n.Id, n.ShortId });
        }
    }
}
