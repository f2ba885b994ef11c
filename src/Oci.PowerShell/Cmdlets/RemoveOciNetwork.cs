using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Removes networks, like docker network rm.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OciNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveOciNetwork : OciCmdletBase
    {
        /// <summary>The networks' names or ids. Binds strings by value and networks by their Name property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[] Name { get; set; } = System.Array.Empty<string>();

        /// <summary>The engines to remove from; from the pipeline, the engine each network came from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var c in ResolveConnections(Connection))
            {
                foreach (var name in Name)
                {
                    if (!ShouldProcess($"{name} on {c.Name} ({c.Endpoint})", "Remove network")) continue;
                    Invoke(ct => c.Client.ExecuteAsync(new OciRequest(OciMethods.Remove, OciKind.Network, name), ct), name, terminating: false, OciKind.Network);
                }
            }
        }
    }
}
