using System;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Prunes the networks no container uses (never the engine's own), like docker network prune.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "OciNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OciPruneResult))]
    public sealed class ClearOciNetwork : OciCmdletBase
    {
        /// <summary>Only networks created before this time.</summary>
        [Parameter]
        public DateTime? Until { get; set; }

        /// <summary>Only networks with every one of these labels: key or key=value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>The engines to prune. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord() =>
            PruneRun.Run(this, ResolveConnections(Connection), OciKind.Network, dry => new OciNetworkPruneOptions
            {
                Until = Times.Offset(Until),
                Labels = Label ?? Array.Empty<string>(),
                DryRun = dry,
            });
    }
}
