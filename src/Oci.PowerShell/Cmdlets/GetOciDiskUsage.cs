using System.Collections.Generic;
using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Shows the disk space images, containers, volumes and the build cache take, and what a prune would free, like docker system df.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciDiskUsage")]
    [OutputType(typeof(OciDiskUsage))]
    public sealed class GetOciDiskUsage : OciCmdletBase
    {
        private readonly List<OciConnection> _connections = new();

        /// <summary>The engines to read from (several at once). Default: the session default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection is not null) _connections.AddRange(Connection);
        }

        protected override void EndProcessing() =>
            InvokeEach(ResolveConnections(_connections),
                (c, ct) => c.Client.ExecuteAsync(new OciRequest(OciMethods.DiskUsage, OciKind.Engine), ct),
                (c, response) =>
                {
                    foreach (var row in (IEnumerable<OciDiskUsage>)response.Data!) Emit(row, c);
                });
    }
}
