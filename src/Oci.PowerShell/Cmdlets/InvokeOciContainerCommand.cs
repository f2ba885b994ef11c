using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

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
            Dictionary<string, string>? environment = null;
            if (Environment is not null)
            {
                environment = new Dictionary<string, string>();
                foreach (DictionaryEntry e in Environment)
                    environment[System.Convert.ToString(Completion.Unwrap(e.Key), CultureInfo.InvariantCulture) ?? string.Empty] = System.Convert.ToString(Completion.Unwrap(e.Value), CultureInfo.InvariantCulture) ?? string.Empty;
            }
            var options = new OciExecOptions { Command = Command, Environment = environment, User = User, WorkingDirectory = WorkingDirectory, Input = InputText };
            foreach (var (target, c) in Targets())
            {
                if (!ShouldProcess(Where(target, c), "Run '" + string.Join(" ", Command) + "' in container")) continue;
                if (Call(c, OciMethods.Exec, target, options)?.Data is OciExecResult result) Emit(result, c);
            }
        }
    }
}
