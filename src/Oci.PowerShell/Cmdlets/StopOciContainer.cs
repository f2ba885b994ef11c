using System;
using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Stops running containers, like docker stop: SIGTERM, then SIGKILL once the timeout passed.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciContainer))]
    public sealed class StopOciContainer : ContainerActionCmdletBase
    {
        /// <summary>Seconds the container has to stop before it is killed; default: its own (10).</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int? Timeout { get; set; }

        internal override (string Method, object? Options, string Action) Action() =>
            (OciMethods.Stop, new OciContainerStopOptions { Timeout = Timeout is { } t ? TimeSpan.FromSeconds(t) : null }, "Stop container");
    }
}
