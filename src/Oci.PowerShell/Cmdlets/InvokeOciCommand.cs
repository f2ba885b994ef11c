using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Runs a script block in PowerShell inside running containers, in a session opened for it and closed after.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OciCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = NamedSet)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeOciCommand : ContainerSessionCmdletBase
    {
        // Two sets, as Invoke-Command has: `Invoke-OciCommand web { ... }` names the container first, while
        // `Get-OciContainer web | Invoke-OciCommand { ... }` gives the script block the first position. The pipeline binds to
        // -InputObject by value alone: a script block at the position of a parameter bound by property name would be taken
        // for a delay-bind script block and run here, per input object.
        private const string NamedSet = "Named";
        private const string PipedSet = "Piped";

        /// <summary>Container names or ids (full, or a unique prefix).</summary>
        [Parameter(ParameterSetName = NamedSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Alias("Id", "ContainerId")]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Container { get; set; } = Array.Empty<string>();

        /// <summary>From the pipeline: containers Get-OciContainer wrote (each reaches its own engine), or names and ids.</summary>
        [Parameter(ParameterSetName = PipedSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; } = null!;

        /// <summary>The script block to run in each container.</summary>
        [Parameter(ParameterSetName = NamedSet, Mandatory = true, Position = 1)]
        [Parameter(ParameterSetName = PipedSet, Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ScriptBlock ScriptBlock { get; set; } = null!;

        /// <summary>Arguments for the script block's parameters (or $args).</summary>
        [Parameter]
        [Alias("Args")]
        public object[] ArgumentList { get; set; } = Array.Empty<object>();

        private System.Management.Automation.PowerShell? _running;

        protected override void ProcessRecord()
        {
            var containers = ParameterSetName == PipedSet ? (ContainerOf(InputObject) is { } piped ? new[] { piped } : Array.Empty<string>()) : Container;
            foreach (var (target, c) in Targets(containers, "Run a script block in PowerShell in container"))
            {
                using var runspace = Open(target, c);
                if (runspace is not null) Run(ToPSSession(runspace, listed: false));
            }
        }

        /// <summary>A piped container's id (an object with an Id, e.g. from Get-OciContainer), or a piped name or id; anything else is a non-terminating error.</summary>
        private string? ContainerOf(PSObject input)
        {
            if (input.BaseObject is string name && name.Length > 0) return name;
            if (input.Properties["Id"]?.Value is string id && id.Length > 0) return id;
            WriteError(OciErrors.From(new OciException(OciErrorKind.InvalidArgument,
                $"Invoke-OciCommand takes containers (objects with an Id, as Get-OciContainer writes) or their names from the pipeline; got a {input.BaseObject.GetType().Name}."), input.BaseObject));
            return null;
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
