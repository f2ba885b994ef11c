using System.Collections.Generic;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Lists the volumes of one or several engines, like docker volume ls.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciVolume")]
    [OutputType(typeof(OciVolume))]
    public sealed class GetOciVolume : OciCmdletBase
    {
        private readonly List<OciConnection> _connections = new();

        /// <summary>Volume names to get (wildcards allowed). Default: all volumes.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only volumes with every one of these labels: key or key=value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Only volumes no container uses (-Dangling), or only those in use (-Dangling:$false).</summary>
        [Parameter]
        public SwitchParameter Dangling { get; set; }

        /// <summary>Only volumes of this driver.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        /// <summary>The engines to read from (several at once). Default: the session default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        private readonly List<string> _names = new();

        protected override void ProcessRecord()
        {
            if (Connection is not null) _connections.AddRange(Connection);
            if (Name is not null) _names.AddRange(Name);
        }

        protected override void EndProcessing()
        {
            var options = new OciVolumeListOptions
            {
                Labels = Label ?? System.Array.Empty<string>(),
                Dangling = MyInvocation.BoundParameters.ContainsKey(nameof(Dangling)) ? Dangling.IsPresent : null,
                Driver = Driver,
            };
            NamedReads.Write<OciVolume>(this, ResolveConnections(_connections), OciKind.Volume, options, _names, v => new[] { v.Name });
        }
    }
}
