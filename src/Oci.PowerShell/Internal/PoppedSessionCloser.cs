using System;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// Closes the session Enter-OciPSSession opened once the host has left it (Exit-PSSession, exit), as Enter-PSSession
    /// does with a session it made itself. The host says nothing when it pops a runspace, so this watches the local
    /// runspace: the first time it gets busy again while the host no longer runs on the container's runspace, the
    /// user is back home and the container's pwsh is closed.
    /// </summary>
    internal sealed class PoppedSessionCloser
    {
        private readonly Runspace _local;
        private readonly IHostSupportsInteractiveSession _host;
        private readonly Runspace _remote;
        private int _done;

        private PoppedSessionCloser(Runspace local, IHostSupportsInteractiveSession host, Runspace remote)
        {
            _local = local;
            _host = host;
            _remote = remote;
        }

        public static void Watch(Runspace local, IHostSupportsInteractiveSession host, Runspace remote)
        {
            var closer = new PoppedSessionCloser(local, host, remote);
            local.AvailabilityChanged += closer.OnLocalAvailability;
            remote.StateChanged += closer.OnRemoteState;
        }

        /// <summary>True when <paramref name="host"/> can push a runspace (the pwsh console can; a hosted runspace's default host cannot).</summary>
        public static bool CanEnter(PSHost host)
        {
            if (host is not IHostSupportsInteractiveSession interactive) return false;
            try
            {
                _ = interactive.IsRunspacePushed;
                return true;
            }
            catch (Exception e) when (e is NotImplementedException or InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>True while the host runs its commands on <paramref name="remote"/> (false for a host that cannot push runspaces at all).</summary>
        public static bool IsInside(IHostSupportsInteractiveSession host, Runspace remote)
        {
            try
            {
                return host.IsRunspacePushed && ReferenceEquals(host.Runspace, remote);
            }
            catch (Exception e) when (e is NotImplementedException or InvalidOperationException)
            {
                return false;
            }
        }

        private void OnLocalAvailability(object? sender, RunspaceAvailabilityEventArgs e)
        {
            if (e.RunspaceAvailability != RunspaceAvailability.Busy || IsInside(_host, _remote)) return;
            Stop();
            try
            {
                _remote.CloseAsync();
            }
            catch (InvalidRunspaceStateException)
            {
                // Already closing or broken: nothing left to close.
            }
        }

        // Closed some other way (Remove-PSSession, the container's pwsh ended): stop watching.
        private void OnRemoteState(object? sender, RunspaceStateEventArgs e)
        {
            if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken) Stop();
        }

        private void Stop()
        {
            if (System.Threading.Interlocked.Exchange(ref _done, 1) == 1) return;
            _local.AvailabilityChanged -= OnLocalAvailability;
            _remote.StateChanged -= OnRemoteState;
        }
    }
}
