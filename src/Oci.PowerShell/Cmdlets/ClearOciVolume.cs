using System;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Prunes the volumes no container uses, like docker volume prune.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "OciVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OciPruneResult))]
    public sealed class ClearOciVolume : OciCmdletBase
    {
        /// <summary>Only volumes with every one of these labels: key or key=value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>The engines to prune. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord() =>
            PruneRun.Run(this, ResolveConnections(Connection), OciKind.Volume, dry => new OciVolumePruneOptions { Labels = Label ?? Array.Empty<string>(), DryRun = dry });
    }
}
