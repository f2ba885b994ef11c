using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Samples containers' CPU, memory, network and block I/O and process count once, like docker stats --no-stream.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OciContainerStat")]
    [OutputType(typeof(OciContainerStats))]
    public sealed class GetOciContainerStat : ContainerCmdletBase
    {
        protected override void ProcessRecord()
        {
            foreach (var (target, c) in Targets())
                if (Call(c, OciMethods.Stats, target, null)?.Data is OciContainerStats stats) Emit(stats, c);
        }
    }
}
