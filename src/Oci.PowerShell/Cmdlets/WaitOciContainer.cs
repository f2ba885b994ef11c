using System;
using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Waits until containers stop (or exit next, or are removed) and outputs their exit codes, like docker wait.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "OciContainer")]
    [OutputType(typeof(int))]
    public sealed class WaitOciContainer : ContainerCmdletBase
    {
        /// <summary>What to wait for: NotRunning (default), NextExit or Removed.</summary>
        [Parameter]
        [ValidateSet("NotRunning", "NextExit", "Removed")]
        public string Condition { get; set; } = "NotRunning";

        protected override void ProcessRecord()
        {
            var options = new OciContainerWaitOptions { Condition = (OciWaitCondition)Enum.Parse(typeof(OciWaitCondition), Condition, ignoreCase: true) };
            foreach (var (target, c) in Targets())
            {
                if (Call(c, OciMethods.Wait, target, options) is { Data: int code })
                {
                    WriteVerbose($"{target} on {c.Name}: exit code {code}.");
                    WriteObject(code);
                }
            }
        }
    }
}
