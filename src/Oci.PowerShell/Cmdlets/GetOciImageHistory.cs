using System.Collections.Generic;
using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Lists the steps an image was built from, newest first, like docker history.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciImageHistory")]
    [OutputType(typeof(OciImageHistory))]
    public sealed class GetOciImageHistory : OciCmdletBase
    {
        /// <summary>The images: ids or references. Binds strings by value and images by their Id property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name", "Reference")]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>The engines to read from (at once); from the pipeline, the engine each image came from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var connections = ResolveConnections(Connection);
            foreach (var id in Id)
            {
                InvokeEach(connections,
                    (c, ct) => c.Client.ExecuteAsync(new OciRequest(OciMethods.History, OciKind.Image, id), ct),
                    (c, response) =>
                    {
                        foreach (var step in (IEnumerable<OciImageHistory>)response.Data!) Emit(step, c);
                    },
                    _ => id, OciKind.Image);
            }
        }
    }
}
