using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// One running <c>ssh</c>: its stdin and stdout (the engine's API, through the remote dial-stdio), the last lines of
    /// its stderr (bounded, for messages), and its exit. Disposing ends ssh at once, and the process is always waited
    /// for, so none is left running or as a zombie.
    /// </summary>
    internal sealed class SshProcess : IDisposable
    {
        /// <summary>How much of stderr is kept (its end): enough for ssh's messages, never unbounded.</summary>
        private const int MaxStderr = 8 * 1024;

        private readonly Process _process;
        private readonly TaskCompletionSource<int> _exited;
        private readonly StringBuilder _stderr = new();
        private readonly Task _stderrPump;
        private int _disposed;
        private int _killed;

        private SshProcess(Process process, TaskCompletionSource<int> exited, SshRoute route)
        {
            _process = process;
            _exited = exited;
            Route = route;
            Input = process.StandardInput.BaseStream;
            Output = process.StandardOutput.BaseStream;
            _stderrPump = Task.Run(PumpStderrAsync);
        }

        public SshRoute Route { get; }

        /// <summary>ssh's stdin: bytes for the engine.</summary>
        public Stream Input { get; }

        /// <summary>ssh's stdout: the engine's answers.</summary>
        public Stream Output { get; }

        /// <summary>The process id (tests find the process by it).</summary>
        public int Id => _process.Id;

        /// <summary>True once Oci killed it (an abandoned connection), so its end is not reported as a failure of the remote.</summary>
        public bool KilledByUs => Volatile.Read(ref _killed) != 0;

        /// <summary>The end of what ssh (and the remote command) wrote to stderr.</summary>
        public string Stderr
        {
            get
            {
                lock (_stderr) return _stderr.ToString();
            }
        }

        /// <summary>Starts ssh at <paramref name="sshPath"/> for <paramref name="route"/>; Unsupported when it cannot be started.</summary>
        public static SshProcess Start(string sshPath, SshRoute route, OciEnvironment env)
        {
            var process = new Process { StartInfo = ChildProcesses.StartInfo(sshPath, route.Arguments, env), EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            // The exit code is read here, while the process object is certainly alive.
            process.Exited += (_, _) => exited.TrySetResult(ExitCode(process));
            try
            {
                process.Start();
            }
            catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
            {
                process.Dispose();
                throw new SshTransportException(OciErrorKind.Unsupported, $"ssh ({sshPath}) could not be started: {e.Message}", e);
            }
            return new SshProcess(process, exited, route);
        }

        /// <summary>The exit code once ssh ended (its stderr read to the end), or null if it still runs after <paramref name="wait"/>.</summary>
        public async Task<int?> WaitForExitAsync(TimeSpan wait)
        {
            using var timer = new CancellationTokenSource(wait);
            var delay = Task.Delay(Timeout.Infinite, timer.Token);
            if (await Task.WhenAny(_exited.Task, delay).ConfigureAwait(false) != _exited.Task) return null;
            timer.Cancel();
            // The pipe closes with the process; a descendant that kept it open must not hold the message up for long.
            await Task.WhenAny(_stderrPump, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            return _exited.Task.Result;
        }

        public void Kill()
        {
            Interlocked.Exchange(ref _killed, 1);
            ChildProcesses.Kill(_process);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            // The HTTP layer disposes a connection to end it now (a cancelled call, a response abandoned midway). Closing
            // stdin alone is a half-close, which dial-stdio passes on to the engine as it is: the engine would go on
            // serving the request (a pull it should stop) until ssh ended. Ending ssh drops the connection at once, and
            // the remote relay and the engine see it gone, as with a closed socket.
            Kill();
            _ = ReapAsync();
        }

        public override string ToString() => $"ssh (pid {SafeId()}) running '{Route.RemoteCommand}'";

        private async Task ReapAsync()
        {
            try
            {
                // Waited for, so the runtime reaps it: no zombie.
                await WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            finally
            {
                _process.Dispose();
            }
        }

        private async Task PumpStderrAsync()
        {
            var buffer = new char[1024];
            try
            {
                var reader = _process.StandardError;
                int n;
                while ((n = await reader.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
                {
                    lock (_stderr)
                    {
                        _stderr.Append(buffer, 0, n);
                        if (_stderr.Length > MaxStderr) _stderr.Remove(0, _stderr.Length - MaxStderr);
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The process and its pipes are gone: what was read is kept.
            }
        }

        private static int ExitCode(Process process)
        {
            try
            {
                return process.ExitCode;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }

        private string SafeId()
        {
            try
            {
                return _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (InvalidOperationException)
            {
                return "?";
            }
        }
    }
}
