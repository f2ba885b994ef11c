using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Creates a container from an image without starting it, like docker create.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciContainer))]
    public sealed class NewOciContainer : ContainerSpecCmdletBase
    {
        /// <summary>Let the engine remove the container when it exits.</summary>
        [Parameter]
        public SwitchParameter AutoRemove { get; set; }

        /// <summary>The engines to create the container on (one each). Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var spec = Spec(new OciContainerSpec { AutoRemove = AutoRemove });
            foreach (var c in ResolveConnections(Connection))
            {
                if (!ShouldProcess($"{Name ?? "a new container"} from {Image} on {c.Name} ({c.Endpoint})", "Create container")) continue;
                var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Container, null, spec), ct), Image, terminating: false, OciKind.Image);
                foreach (var warning in response?.Warnings ?? System.Array.Empty<string>()) WriteWarning(warning);
                if (response?.Data is OciContainer container) Emit(container, c);
            }
        }
    }
}
