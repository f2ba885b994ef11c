using System.Collections;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Runs a command in running containers and outputs what it wrote and its exit code, like docker exec.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OciContainerCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciExecResult))]
    public sealed class InvokeOciContainerCommand : ContainerCmdletBase
    {
        /// <summary>The command and its arguments.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Command { get; set; } = System.Array.Empty<string>();

        /// <summary>Environment variables for the command: a hashtable of name = value.</summary>
        [Parameter]
        public Hashtable? Environment { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? WorkingDirectory { get; set; }

        /// <summary>Text written to the command's stdin, which is then closed.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? InputText { get; set; }

        protected override void ProcessRecord()
        {
            // A variable without a value (or with several) is refused, as -Environment of New-OciContainer refuses it.
            var environment = Environment is null ? null : Checked(() => Dictionaries.Strings(Environment, nameof(Environment)), null);
            var options = new OciExecOptions { Command = Command, Environment = environment, User = User, WorkingDirectory = WorkingDirectory, Input = InputText };
            foreach (var (target, c) in Targets())
            {
                if (!ShouldProcess(Where(target, c), "Run '" + string.Join(" ", Command) + "' in container")) continue;
                if (Call(c, OciMethods.Exec, target, options)?.Data is OciExecResult result) Emit(result, c);
            }
        }
    }
}
