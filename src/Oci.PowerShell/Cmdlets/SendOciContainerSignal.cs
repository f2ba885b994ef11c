using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Sends a signal to containers' main process, like docker kill (SIGKILL unless -Signal says).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "OciContainerSignal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OciContainer))]
    public sealed class SendOciContainerSignal : ContainerActionCmdletBase
    {
        /// <summary>The signal: a name (KILL, TERM, HUP, USR1; SIG optional) or a number.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Signal { get; set; } = "KILL";

        internal override (string Method, object? Options, string Action) Action() =>
            (OciMethods.Kill, new OciContainerKillOptions { Signal = Signal }, $"Send signal {Signal} to container");
    }
}
