using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Resumes paused containers, like docker unpause.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciContainer))]
    public sealed class ResumeOciContainer : ContainerActionCmdletBase
    {
        internal override (string Method, object? Options, string Action) Action() => (OciMethods.Unpause, null, "Resume container");
    }
}
