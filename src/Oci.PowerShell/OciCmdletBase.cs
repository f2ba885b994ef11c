using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// What the Oci cmdlets share: the session's connections, and <see cref="Invoke{T}"/>, the one way a cmdlet runs a
    /// core call — on the thread pool, with its progress pumped on the pipeline thread, Ctrl+C turned into a stopped
    /// pipeline, and an <see cref="OciException"/> turned into an ErrorRecord. Not a cmdlet itself.
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
        /// Runs <paramref name="call"/> and returns its result; null when it failed, after the error was written
        /// (non-terminating: the pipeline goes on with the next target) or thrown (<paramref name="terminating"/>).
        /// <paramref name="target"/> is what the error names (what the user gave); <paramref name="progress"/>, when given,
        /// is ticked while the call runs and closed however it ends. Ctrl+C stops the pipeline at once; a result that
        /// arrives after that and can be disposed (a connection) is disposed.
        /// </summary>
        internal T? Invoke<T>(Func<CancellationToken, Task<T>> call, object? target, bool terminating, bool imageTarget = false,
            PullProgress? progress = null, Func<OciException, ErrorRecord>? describe = null) where T : class
        {
            Task<T>? pending = null;
            ErrorRecord record;
            try
            {
                var result = Pump.Run(() => call(StopToken), StopToken, progress?.Interval ?? Timeout.InfiniteTimeSpan, progress is null ? null : progress.Tick, out pending);
                progress?.Complete((result as OciResponse)?.Status);
                return result;
            }
            catch (Exception e) when (StopToken.IsCancellationRequested && e is OperationCanceledException or OciException { Kind: OciErrorKind.Cancelled })
            {
                progress?.Complete();
                pending?.ContinueWith(t => (t.Result as IDisposable)?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                throw new PipelineStoppedException();
            }
            catch (OciException e)
            {
                record = describe?.Invoke(e) ?? OciErrors.From(e, target ?? e.Target, imageTarget);
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                record = OciErrors.Unexpected(e, target);
            }
            progress?.Complete("Failed");
            if (terminating) ThrowTerminatingError(record);
            else WriteError(record);
            return null;
        }

        /// <summary>
        /// Runs a synchronous step that may refuse its input (building a request, converting a credential): an
        /// <see cref="OciException"/> becomes a terminating error naming <paramref name="target"/>.
        /// </summary>
        internal T Checked<T>(Func<T> step, object? target)
        {
            try
            {
                return step();
            }
            catch (OciException e)
            {
                ThrowTerminatingError(OciErrors.From(e, target ?? e.Target, imageTarget: false));
                throw; // unreachable: ThrowTerminatingError throws
            }
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
