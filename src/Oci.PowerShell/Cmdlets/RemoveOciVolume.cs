using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Removes volumes, like docker volume rm.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OciVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveOciVolume : OciCmdletBase
    {
        /// <summary>The volumes' names. Binds strings by value and volumes by their Name property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public string[] Name { get; set; } = System.Array.Empty<string>();

        /// <summary>Remove even when a stopped container uses the volume.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The engines to remove from; from the pipeline, the engine each volume came from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var c in ResolveConnections(Connection))
            {
                foreach (var name in Name)
                {
                    if (!ShouldProcess($"{name} on {c.Name} ({c.Endpoint})", Force ? "Remove volume (forced)" : "Remove volume")) continue;
                    Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Volume, name, new OciVolumeRemoveOptions { Force = Force }), ct),
                        name, terminating: false, OciKind.Volume);
                }
            }
        }
    }
}
