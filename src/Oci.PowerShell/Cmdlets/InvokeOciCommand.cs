using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Runs a script block in PowerShell inside running containers, in a session opened for it and closed after.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OciCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeOciCommand : ContainerSessionCmdletBase
    {
        /// <summary>Container names or ids (full, or a unique prefix); from the pipeline, the containers Get-OciContainer wrote.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Id", "ContainerId")]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Container { get; set; } = Array.Empty<string>();

        /// <summary>The script block to run in each container.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public ScriptBlock ScriptBlock { get; set; } = null!;

        /// <summary>Arguments for the script block's parameters (or $args).</summary>
        [Parameter]
        [Alias("Args")]
        public object[] ArgumentList { get; set; } = Array.Empty<object>();

        private System.Management.Automation.PowerShell? _running;

        protected override void ProcessRecord()
        {
            foreach (var (target, c) in Targets(Container, "Run a script block in PowerShell in container"))
            {
                using var runspace = Open(target, c);
                if (runspace is not null) Run(ToPSSession(runspace, listed: false));
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
            _running?.BeginStop(null, null);
        }

        /// <summary>
        /// Invoke-Command -Session runs the script block, so $using:, the remote streams, PSComputerName and Ctrl+C behave
        /// as in any PSSession. It runs as a nested pipeline of this one (in the caller's scope, where $using: looks), with
        /// all its streams merged into its output (as 3>&amp;1 and the like would: a nested pipeline would show warnings on
        /// the host rather than hand them back), and each record is written as this cmdlet's own, as it arrives, so
        /// -ErrorAction, -WarningVariable and the like apply.
        /// </summary>
        private void Run(PSSession session)
        {
            using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand("Invoke-Command")
                .AddParameter("Session", session)
                .AddParameter("ScriptBlock", ScriptBlock)
                .AddParameter("ArgumentList", ArgumentList)
                .AddParameter("ErrorAction", ActionPreference.Continue);
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
            var output = new PSDataCollection<PSObject>();
            output.DataAdded += (_, e) => Write(output[e.Index]);
            _running = ps;
            try
            {
                if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
                ps.Invoke(null, output);
            }
            finally
            {
                _running = null;
            }
            if (ps.InvocationStateInfo.State == PSInvocationState.Stopped || StopToken.IsCancellationRequested) throw new PipelineStoppedException();
        }

        /// <summary>A record of a merged stream to its own stream; anything else (the remote output, deserialized) to the output.</summary>
        private void Write(PSObject item)
        {
            switch (item?.BaseObject)
            {
                case ErrorRecord error:
                    WriteError(error);
                    break;
                case WarningRecord warning:
                    WriteWarning(warning.Message);
                    break;
                case VerboseRecord verbose:
                    WriteVerbose(verbose.Message);
                    break;
                case DebugRecord debug:
                    WriteDebug(debug.Message);
                    break;
                case InformationRecord information:
                    WriteInformation(information);
                    break;
                default:
                    WriteObject(item);
                    break;
            }
        }
    }
}
