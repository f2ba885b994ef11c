using System.Collections.Generic;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Loads images from tar archives (docker save's or podman save's), streamed with progress, like docker load.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "OciImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciImage))]
    public sealed class ImportOciImage : OciCmdletBase
    {
        /// <summary>The archive files. Binds strings by value and files (Get-ChildItem) by their FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("FullName", "PSPath")]
        public string[] Path { get; set; } = System.Array.Empty<string>();

        /// <summary>The engines to load into. Default: the session default.</summary>
        [Parameter]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var connections = ResolveConnections(Connection);
            foreach (var given in Path)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
                foreach (var c in connections)
                {
                    if (!ShouldProcess($"{path} into {c.Name} ({c.Endpoint})", "Load images")) continue;
                    var progress = new PullProgress(this, Pump, path, "Loading");
                    var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Load, OciKind.Image, null, new OciImageLoadOptions { Path = path }), progress.Sink, ct),
                        given, terminating: false, null, progress);
                    if (response?.Data is not IEnumerable<OciImage> images) continue;
                    foreach (var image in images) Emit(image, c);
                }
            }
        }
    }
}
