using System;
using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Restarts containers, like docker restart.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciContainer))]
    public sealed class RestartOciContainer : ContainerActionCmdletBase
    {
        /// <summary>Seconds the container has to stop before it is killed; default: its own (10).</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int? Timeout { get; set; }

        internal override (string Method, object? Options, string Action) Action() =>
            (OciMethods.Restart, new OciContainerStopOptions { Timeout = Timeout is { } t ? TimeSpan.FromSeconds(t) : null }, "Restart container");
    }
}
