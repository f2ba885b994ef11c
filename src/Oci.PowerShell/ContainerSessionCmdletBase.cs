using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// What the cmdlets of PowerShell sessions in containers share (New-OciPSSession, Invoke-OciCommand,
    /// Enter-OciPSSession): <c>-Connection</c> by property name (so <c>Get-OciContainer | New-OciPSSession</c> reaches each
    /// container's own engine), <c>-User</c> and <c>-Timeout</c>, and <see cref="Open"/>: the container looked up (its
    /// name is what the session shows), then <c>pwsh -s</c> started in it over the engine's exec
    /// (<see cref="SessionRemoting"/>; PowerShell 7.6 or later, else a terminating <c>Oci.Unsupported</c>).
    /// </summary>
    public abstract class ContainerSessionCmdletBase : OciCmdletBase
    {
        /// <summary>The engines the containers are on; from the pipeline, the engine each container came from. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        /// <summary>The user pwsh runs as in the container (a name or uid[:gid]); default: the container's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>Seconds the exec and pwsh's first answer may take together.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int Timeout { get; set; } = 30;

        /// <summary>Each (container, connection) pair of this record that ShouldProcess lets through, in order.</summary>
        internal IEnumerable<(string Target, OciConnection Connection)> Targets(IEnumerable<string> containers, string action)
        {
            var connections = ResolveConnections(Connection);
            foreach (var target in containers)
                foreach (var c in connections)
                    if (ShouldProcess($"{target} on {c.Name} ({c.Endpoint})", action))
                        yield return (target, c);
        }

        /// <summary>
        /// Opens a remote runspace to pwsh in <paramref name="target"/> on <paramref name="c"/>; null when it failed (a
        /// non-terminating error naming the target: <c>Oci.ContainerNotFound</c>, <c>Oci.Conflict</c> for a container that
        /// does not run (looked up first; the exec's own refusal if it stopped meanwhile), <c>Oci.NotFound</c> when the container has no pwsh, <c>Oci.Timeout</c>).
        /// </summary>
        internal Runspace? Open(string target, OciConnection c)
        {
            var remoting = Remoting();
            var container = Invoke(ct => c.Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Container, target), ct), target, terminating: false, OciKind.Container)?.Data as OciContainer;
            if (container is null) return null;
            if (container.State != OciContainerStatus.Running)
            {
                // The exec would be refused (409) in the engine's words; say it in the user's, with the way out.
                WriteError(OciErrors.From(new OciException(OciErrorKind.Conflict,
                    $"Container '{container.Name}' is {(container.EngineState.Length > 0 ? container.EngineState : container.State)}, not running: a PowerShell session needs a running container. "
                    + (container.State == OciContainerStatus.Paused ? "Resume it with Resume-OciContainer." : "Start it with Start-OciContainer."), target), target, OciKind.Container));
                return null;
            }
            WriteVerbose($"Starting pwsh in container {container.Name} ({container.ShortId}) on {c.Name}.");
            // No target kind: NotFound here is pwsh missing in the container, not the container (looked up just above).
            return Invoke(ct => remoting.Open(c.Client, container.Id, container.Name, User, TimeSpan.FromSeconds(Timeout), Host, ct), target, terminating: false);
        }

        /// <summary>The PSSession of an opened runspace; listed by Get-PSSession when <paramref name="listed"/>.</summary>
        internal PSSession ToPSSession(Runspace runspace, bool listed, string? name = null) => Remoting().Register(runspace, listed ? this : null, name);

        private (SessionRemoting.Opener Open, SessionRemoting.Registrar Register) Remoting()
        {
            var version = (SessionState.PSVariable.GetValue("PSVersionTable") as IDictionary)?["PSVersion"]?.ToString() ?? "unknown";
            try
            {
                return SessionRemoting.Load(version);
            }
            catch (OciException e)
            {
                ThrowTerminatingError(OciErrors.Unsupported(e.Message, version,
                    SessionRemoting.IsSupported ? "Reinstall the Oci module." : $"Run it in PowerShell {SessionRemoting.MinimumPowerShell} or later (pwsh)."));
                throw; // unreachable: ThrowTerminatingError throws
            }
        }
    }
}
