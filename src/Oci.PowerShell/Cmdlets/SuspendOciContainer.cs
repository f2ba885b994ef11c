using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Pauses containers (freezes their processes), like docker pause.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciContainer))]
    public sealed class SuspendOciContainer : ContainerActionCmdletBase
    {
        internal override (string Method, object? Options, string Action) Action() => (OciMethods.Pause, null, "Pause container");
    }
}
