using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Gives an image one or several new tags, like docker tag.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "OciImageTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciImage))]
    public sealed class AddOciImageTag : OciCmdletBase
    {
        /// <summary>The image to tag: an id or a reference. Binds strings by value and images by their Id property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name", "Reference")]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>The new references ([registry/]repository[:tag]); several at once.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Tag { get; set; } = System.Array.Empty<string>();

        /// <summary>Output the tagged image once per new tag.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The engines to tag on; from the pipeline, the engine each image came from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var c in ResolveConnections(Connection))
            {
                foreach (var source in Id)
                {
                    foreach (var tag in Tag)
                    {
                        if (!ShouldProcess($"{source} on {c.Name} ({c.Endpoint})", $"Tag image as {tag}")) continue;
                        var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Tag, OciKind.Image, source, new OciImageTagOptions { Tag = tag }), ct),
                            source, terminating: false, OciKind.Image);
                        if (response?.Data is { } image && PassThru) Emit(image, c);
                    }
                }
            }
        }
    }
}
