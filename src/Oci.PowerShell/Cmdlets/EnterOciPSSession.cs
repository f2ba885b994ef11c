using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Starts an interactive PowerShell session in a running container, as Enter-PSSession does with a computer.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Enter, "OciPSSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class EnterOciPSSession : ContainerSessionCmdletBase
    {
        /// <summary>The container's name or id (full, or a unique prefix); from the pipeline, a container Get-OciContainer wrote.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Id", "ContainerId")]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string Container { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var connections = ResolveConnections(Connection);
            if (connections.Count != 1)
            {
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    $"Enter-OciPSSession enters one container, on one engine; {connections.Count} connections were given. Pass the container's own -Connection.", Container));
            }
            var c = connections[0];
            if (!PoppedSessionCloser.CanEnter(Host))
            {
                ThrowTerminatingError(OciErrors.Unsupported(
                    $"This host ({Host.Name}) cannot enter sessions: it has no interactive prompt to move into the container. Use New-OciPSSession with Invoke-Command, or Invoke-OciCommand.",
                    Container, "Run Enter-OciPSSession at the pwsh prompt, or use Invoke-OciCommand here."));
            }
            if (!ShouldProcess($"{Container} on {c.Name} ({c.Endpoint})", "Enter a PowerShell session in container")) return;
            var runspace = Open(Container, c);
            if (runspace is null) return;
            var entered = false;
            try
            {
                entered = Enter(ToPSSession(runspace, listed: false), runspace);
            }
            finally
            {
                if (!entered) runspace.Dispose();
            }
        }

        /// <summary>
        /// Enter-PSSession does the entering (the remote prompt, the host's push, its checks — a host without interactive
        /// sessions is its error), as a nested pipeline whose errors are this cmdlet's. The session is closed when the
        /// host leaves it. False when the host did not enter it.
        /// </summary>
        private bool Enter(PSSession session, Runspace runspace)
        {
            using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand("Enter-PSSession").AddParameter("Session", session).AddParameter("ErrorAction", ActionPreference.Continue);
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            var failed = false;
            foreach (var item in ps.Invoke())
            {
                if (item?.BaseObject is ErrorRecord error)
                {
                    failed = true;
                    WriteError(error);
                }
            }
            if (failed || Host is not IHostSupportsInteractiveSession host || !PoppedSessionCloser.IsInside(host, runspace)) return false;
            PoppedSessionCloser.Watch(Runspace.DefaultRunspace, host, runspace);
            return true;
        }
    }
}
