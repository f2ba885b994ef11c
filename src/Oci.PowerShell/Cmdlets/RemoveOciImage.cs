using System.Collections.Generic;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Removes images from an engine, like docker rmi.</para>
    /// </summary>
    /// <remarks>
    /// Targets come by value (references or ids as strings) or from Get-OciImage by property name (Id, and the Connection
    /// each image came from). A target that fails is a non-terminating error; the next one is still removed.
    /// </remarks>
    [Cmdlet(VerbsCommon.Remove, "OciImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciImageRemoval))]
    public sealed class RemoveOciImage : OciCmdletBase
    {
        /// <summary>
        /// Image ids or references (a reference untags that name; the image goes with its last tag). One parameter for
        /// both, so a string binds by value and an image by its Id property, never by its text (see docs/cmdlet-conventions.md).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name", "Reference")]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>Remove even when containers use the image or it has several tags.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Keep the image's untagged parents.</summary>
        [Parameter]
        public SwitchParameter NoPrune { get; set; }

        /// <summary>Output what each removal untagged and deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The engines to remove from; from the pipeline, the engine each image came from. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var connections = ResolveConnections(Connection);
            var options = new OciImageRemoveOptions { Force = Force, NoPrune = NoPrune };
            foreach (var target in Id)
            {
                foreach (var c in connections)
                {
                    if (!ShouldProcess($"{target} on {c.Name} ({c.Endpoint})", Force ? "Remove image (forced)" : "Remove image")) continue;
                    var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Image, target, options), ct),
                        target, terminating: false, OciKind.Image);
                    if (response?.Data is not OciImageRemoval removal) continue;
                    if (VerboseWanted) WriteVerbose($"{target} on {c.Name}: untagged {string.Join(", ", removal.Untagged)}; deleted {string.Join(", ", removal.Deleted)}.");
                    if (PassThru) Emit(removal, c);
                }
            }
        }
    }
}
