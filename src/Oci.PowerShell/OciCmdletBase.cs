using System;
using System.Management.Automation;
using System.Threading;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// What the Oci cmdlets share: the session's connections, async core calls pumped on the pipeline thread and
    /// cancelled by Ctrl+C (<see cref="StopProcessing"/>), and the error mapping. Not a cmdlet itself.
    /// </summary>
    public abstract class OciCmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private readonly PipelinePump _pump = new();

        /// <summary>Cancelled when the pipeline is stopped (Ctrl+C, <c>PowerShell.Stop()</c>).</summary>
        internal CancellationToken StopToken => _stopping.Token;

        internal PipelinePump Pump => _pump;

        internal ConnectionStore Session => ConnectionStore.Current;

        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        /// <summary>
        /// The connection to use: <paramref name="explicitConnection"/> when given (it must still be open), else the
        /// session default; none is a terminating <c>Oci.NoConnection</c> error.
        /// </summary>
        internal OciConnection ResolveConnection(OciConnection? explicitConnection)
        {
            var connection = explicitConnection ?? Session.Default;
            if (connection is null) ThrowTerminatingError(OciErrors.NoConnection());
            if (!connection!.Connected) ThrowTerminatingError(OciErrors.ConnectionClosed(connection));
            return connection;
        }

        /// <summary>
        /// Ends the pump. The cancellation source is deliberately not disposed: a core call abandoned on Ctrl+C may still
        /// be unwinding on the thread pool with its token (it owns no timer or handle, so the GC reclaims it).
        /// </summary>
        public void Dispose()
        {
            _pump.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
