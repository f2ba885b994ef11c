using System;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Prunes unused images (untagged ones, or with -All every image no container uses), like docker image prune.</para>
    /// </summary>
    /// <remarks>
    /// Its own cmdlet rather than a switch of Remove-OciImage: it takes no targets, its confirm impact is High (Remove-OciImage's
    /// is Medium) and it answers a report (what went, the bytes reclaimed). -WhatIf names every image that would go.
    /// </remarks>
    [Cmdlet(VerbsCommon.Clear, "OciImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OciPruneResult))]
    public sealed class ClearOciImage : OciCmdletBase
    {
        /// <summary>Every image no container uses, not only the untagged (dangling) ones.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Only images created before this time.</summary>
        [Parameter]
        public DateTime? Until { get; set; }

        /// <summary>Only images with every one of these labels: key or key=value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>The engines to prune. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord() =>
            PruneRun.Run(this, ResolveConnections(Connection), OciKind.Image, dry => new OciImagePruneOptions
            {
                All = All,
                Until = Times.Offset(Until),
                Labels = Label ?? Array.Empty<string>(),
                DryRun = dry,
            });
    }
}
