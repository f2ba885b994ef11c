using System;
using System.Collections.Generic;
using System.Management.Automation.Internal;
using System.Management.Automation.Remoting;
using System.Management.Automation.Remoting.Client;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.PowerShell.Remoting
{
    /// <summary>
    /// The transport of one PowerShell session in a container: <c>pwsh -s</c> (PowerShell's server mode, which speaks the
    /// remoting protocol as one message per line on stdin and stdout) started through the engine's exec
    /// (<see cref="OciExecSession"/>). Lines PowerShell sends go to pwsh's stdin; lines pwsh writes are rebuilt across the
    /// engine's frames and handed to PowerShell.
    /// <para>
    /// What the engines do that this handles: a command that cannot start (no pwsh in the image) is reported inside the
    /// stream after the upgrade, so a first output line that is not a protocol message (they start with '&lt;') is an
    /// error; a stopped container is a Conflict at the exec; pwsh writes "An unknown element was received" to stderr on
    /// every normal close, so stderr is kept only to explain a failure; and nothing bounds the wait for pwsh's first
    /// answer but the connect timeout here. Failures are raised as a close-shell error off the reader's thread, which is
    /// what PowerShell's own SSH transport does: raised otherwise during setup, they leave <c>Runspace.Open()</c> waiting forever.
    /// Killing the client closes the connection, hence pwsh's stdin, and pwsh ends.
    /// </para>
    /// </summary>
    internal sealed class OciExecTransportManager : ClientSessionTransportManagerBase
    {
        /// <summary>pwsh in server mode; -NoLogo and -NoProfile keep its output to protocol messages.</summary>
        internal static readonly string[] ServerCommand = { "pwsh", "-NoLogo", "-NoProfile", "-s" };

        /// <summary>How long the exit code of a command that ended during setup is waited for (it explains the failure).</summary>
        private static readonly TimeSpan ExitCodeWait = TimeSpan.FromSeconds(5);

        private const int MaxDiagnosticLines = 20;

        private readonly OciExecConnectionInfo _info;
        private readonly CancellationTokenSource _closing = new();
        private readonly Queue<string> _diagnostics = new();
        private OciExecSession? _session;
        private Timer? _connectTimer;
        private int _established;
        private int _failed;

        public OciExecTransportManager(OciExecConnectionInfo info, Guid runspaceId, PSRemotingCryptoHelper cryptoHelper)
            : base(runspaceId, cryptoHelper)
        {
            _info = info;
        }

        private bool Established => Volatile.Read(ref _established) == 1;

        /// <summary>Starts the exec and the reader; Runspace.Open waits for the first answer (or the error raised instead).</summary>
        public override void CreateAsync()
        {
            _connectTimer = new Timer(_ => OnConnectTimeout(), null, _info.ConnectTimeout, Timeout.InfiniteTimeSpan);
            _ = Task.Run(RunAsync);
        }

        public override void CloseAsync()
        {
            // Before pwsh answered there is nobody to say goodbye to: end the exec first, so the close message fails to
            // send and PowerShell completes the close at once instead of waiting for an acknowledgement.
            if (!Established) CloseConnection();
            base.CloseAsync();
        }

        /// <summary>After pwsh acknowledged the close.</summary>
        protected override void CleanupConnection() => CloseConnection();

        protected override void Dispose(bool isDisposing)
        {
            base.Dispose(isDisposing);
            if (isDisposing) CloseConnection();
        }

        private async Task RunAsync()
        {
            OciExecSession session;
            try
            {
                session = await _info.Client.OpenExecSessionAsync(_info.Container, new OciExecSessionOptions { Command = ServerCommand, User = _info.User }, _closing.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (!_closing.IsCancellationRequested) Fail(e as OciException ?? Unexpected(e));
                return;
            }
            if (Interlocked.CompareExchange(ref _session, session, null) is not null || _closing.IsCancellationRequested)
            {
                session.Dispose();
                return;
            }
            SetMessageWriter(new ExecMessageWriter(session));
            SendOneItem();
            var answered = false;
            try
            {
                while (await session.ReadLineAsync(_closing.Token).ConfigureAwait(false) is { } line)
                {
                    if (line.Stream == OciLogStream.Stderr || (!answered && !IsProtocolMessage(line.Text)))
                    {
                        // stderr (and anything before the first protocol message: the engine's report of an exec that
                        // could not start) only ever explains a failure.
                        Remember(line.Text);
                        continue;
                    }
                    if (!answered)
                    {
                        answered = true;
                        Volatile.Write(ref _established, 1);
                        _connectTimer?.Dispose();
                    }
                    HandleOutputDataReceived(line.Text);
                }
            }
            catch (Exception e)
            {
                if (!_closing.IsCancellationRequested) Fail(e as OciException ?? Unexpected(e));
                return;
            }
            if (_closing.IsCancellationRequested) return;
            Fail(await EndedAsync(session, answered).ConfigureAwait(false));
        }

        private static bool IsProtocolMessage(string line) => line.StartsWith("<", StringComparison.Ordinal);

        /// <summary>The output ended without PowerShell asking: why, as far as the exit code and what was written tell.</summary>
        private async Task<OciException> EndedAsync(OciExecSession session, bool answered)
        {
            int? code = null;
            try
            {
                using var wait = new CancellationTokenSource(ExitCodeWait);
                code = await session.GetExitCodeAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OciException)
            {
                // The engine did not say: the message goes without it.
            }
            var said = Said();
            var exit = code is { } c ? $" (exit code {c})" : string.Empty;
            if (answered)
                return new OciException(OciErrorKind.EngineError,
                    $"PowerShell in container '{_info.ComputerName}' ended{exit}: the session is closed." + (said.Length > 0 ? " It wrote: " + said : string.Empty),
                    _info.Container);
            // 126 and 127: the shell's codes for a command that cannot run, or is not there; the engines word it "not found".
            var missing = code is 126 or 127 || said.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0;
            var why = said.Length > 0 ? said : "it ended before answering" + exit;
            return missing
                ? new OciException(OciErrorKind.NotFound,
                    $"PowerShell cannot run in container '{_info.ComputerName}': {why}. A PowerShell session needs pwsh (PowerShell 7) on the container's PATH.",
                    _info.Container, why)
                : new OciException(OciErrorKind.EngineError,
                    $"PowerShell did not start in container '{_info.ComputerName}'{exit}: {why}", _info.Container, why);
        }

        private void OnConnectTimeout()
        {
            if (Established) return;
            var said = Said();
            var seconds = _info.ConnectTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            Fail(new OciException(OciErrorKind.Timeout,
                $"PowerShell in container '{_info.ComputerName}' did not answer within {seconds} s." + (said.Length > 0 ? " It wrote: " + said : string.Empty),
                _info.Container, $"no answer within {seconds} s"));
        }

        /// <summary>Reports the failure once, as PowerShell's SSH transport does, and ends the exec.</summary>
        private void Fail(OciException error)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 1) return;
            _connectTimer?.Dispose();
            var transport = new PSRemotingTransportException(error.Message, error);
            // Off this thread: the error handler drives the runspace's state machine, which may close (and so call back into) this transport.
            _ = Task.Run(() =>
            {
                try
                {
                    RaiseErrorHandler(new TransportErrorOccuredEventArgs(transport, TransportMethodEnum.CloseShellOperationEx));
                }
                finally
                {
                    CloseConnection();
                }
            });
        }

        private OciException Unexpected(Exception e) =>
            new(OciErrorKind.EngineError, $"The PowerShell session in container '{_info.ComputerName}' failed: {e.Message}", _info.Container, e.Message, innerException: e);

        private void CloseConnection()
        {
            try
            {
                _closing.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
            _connectTimer?.Dispose();
            Interlocked.Exchange(ref _session, null)?.Dispose();
        }

        private void Remember(string line)
        {
            if (line.Trim().Length == 0) return;
            lock (_diagnostics)
            {
                _diagnostics.Enqueue(line.Length > 500 ? line.Substring(0, 500) + "…" : line.Trim());
                while (_diagnostics.Count > MaxDiagnosticLines) _diagnostics.Dequeue();
            }
        }

        private string Said()
        {
            lock (_diagnostics) return string.Join(" ", _diagnostics);
        }
    }
}
