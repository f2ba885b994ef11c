using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Starts containers, like docker start.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciContainer))]
    public sealed class StartOciContainer : ContainerActionCmdletBase
    {
        internal override (string Method, object? Options, string Action) Action() => (OciMethods.Start, null, "Start container");
    }
}
