using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Removes containers, like docker rm (-Force removes running ones too).</para>
    /// </summary>
    /// <remarks>Get-OciContainer -All | Where-Object State -eq stopped | Remove-OciContainer removes each from its own engine.</remarks>
    [Cmdlet(VerbsCommon.Remove, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class RemoveOciContainer : ContainerCmdletBase
    {
        /// <summary>Remove running containers too (killed first).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Also remove the containers' anonymous volumes.</summary>
        [Parameter]
        public SwitchParameter Volumes { get; set; }

        /// <summary>Output the id or name of each container removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var options = new OciContainerRemoveOptions { Force = Force, Volumes = Volumes };
            foreach (var (target, c) in Targets())
            {
                if (!ShouldProcess(Where(target, c), Force ? "Remove container (forced)" : "Remove container")) continue;
                if (Call(c, OciMethods.Remove, target, options) is not null && PassThru) WriteObject(target);
            }
        }
    }
}
