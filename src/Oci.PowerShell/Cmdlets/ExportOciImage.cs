using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Saves images to one tar archive, streamed with progress, like docker save -o.</para>
    /// </summary>
    /// <remarks>Every image piped in goes into the one archive, written when the pipeline ends; they must come from one engine.</remarks>
    [Cmdlet(VerbsData.Export, "OciImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportOciImage : OciCmdletBase
    {
        private readonly List<string> _images = new();
        private readonly List<OciConnection> _connections = new();

        /// <summary>The images: ids or references. Binds strings by value and images by their Id property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name", "Reference")]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>The archive to write (replaced if it exists).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Output the archive file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The engine to save from; from the pipeline, the engine the images came from (one engine).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            _images.AddRange(Id);
            if (Connection is not null && !_connections.Contains(Connection)) _connections.Add(Connection);
        }

        protected override void EndProcessing()
        {
            if (_connections.Count > 1)
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    $"The images come from {_connections.Count} engines ({string.Join(", ", _connections.Select(x => x.Name))}); one archive holds images of one engine.", _connections));
            var c = ResolveConnection(_connections.FirstOrDefault());
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var images = _images.Distinct().ToList();
            if (!ShouldProcess($"{string.Join(", ", images)} on {c.Name} ({c.Endpoint})", $"Save to {path}")) return;
            var progress = new PullProgress(this, Pump, string.Join(", ", images), "Saving");
            var options = new OciImageSaveOptions { References = images.Skip(1).ToArray(), Path = path };
            var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Save, OciKind.Image, images[0], options), progress.Sink, ct),
                images.Count == 1 ? images[0] : (object)images.ToArray(), terminating: false, OciKind.Image, progress);
            if (response?.Data is not OciImageArchive archive) return;
            WriteVerbose($"Saved {archive.Images.Count} image(s), {archive.Size} bytes, to {archive.Path}.");
            if (PassThru) WriteObject(new System.IO.FileInfo(archive.Path!));
        }
    }
}
