using System.Management.Automation;

namespace Oci.EmptyModule
{
    /// <summary>The one cmdlet of the empty module: a module must export something to be imported as Oci is.</summary>
    [Cmdlet(VerbsCommon.Get, "OciEmpty")]
    public sealed class GetOciEmpty : PSCmdlet
    {
        protected override void EndProcessing() => WriteObject(true);
    }
}
