using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Transport;

namespace Oci
{
    /// <summary>
    /// A command running in a container with its stdin, stdout and stderr attached (EXEC_SESSION,
    /// <see cref="OciClient.OpenExecSessionAsync"/>): write to its stdin, end the input, and read what it writes, each
    /// piece tagged with its stream — by frame (<see cref="ReadAsync"/>) or by whole line rebuilt across frames
    /// (<see cref="ReadLineAsync"/>; use one or the other). One reader and one writer may work at once. The session owns
    /// a connection of its own to the engine: dispose it to end it (the command's stdin then closes), and it ends when
    /// the client it came from is disposed. Failures are <see cref="OciException"/>s; cancelling a read or a write ends
    /// the session (a connection cannot take back half a frame).
    /// </summary>
    public sealed class OciExecSession : IAsyncDisposable, IDisposable
    {
        private readonly UpgradedStream _connection;
        private readonly Func<CancellationToken, Task<int>> _exitCode;
        private readonly Func<Exception, OciException> _map;
        private readonly SemaphoreSlim _writing = new(1, 1);
        private readonly byte[] _header = new byte[8];
        private readonly LogLineSplitter _splitter = new();
        private readonly Queue<OciLogLine> _lines = new();
        private CancellationTokenRegistration _onClientClose;
        private int _reading;
        private int _disposed;
        private bool _ended;

        internal OciExecSession(string containerId, string execId, IReadOnlyList<string> command, UpgradedStream connection,
            Func<CancellationToken, Task<int>> exitCode, Func<Exception, OciException> map)
        {
            ContainerId = containerId;
            ExecId = execId;
            Command = command;
            _connection = connection;
            _exitCode = exitCode;
            _map = map;
        }

        /// <summary>The container, as the request named it.</summary>
        public string ContainerId { get; }

        /// <summary>The engine's id of this exec.</summary>
        public string ExecId { get; }

        public IReadOnlyList<string> Command { get; }

        /// <summary>False over connections that cannot be half-closed (named pipes): there <see cref="CloseInputAsync"/> is refused.</summary>
        public bool CanCloseInput => _connection.CanCloseWrite;

        /// <summary>False once disposed (by the caller, a cancelled read or write, or the client's disposal).</summary>
        public bool IsOpen => Volatile.Read(ref _disposed) == 0;

        /// <summary>Writes <paramref name="count"/> bytes to the command's stdin.</summary>
        public async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken = default)
        {
            if (buffer is null) throw new OciException(OciErrorKind.InvalidArgument, "A buffer is required.", ExecId);
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
                throw new OciException(OciErrorKind.InvalidArgument, $"Offset {offset} and count {count} do not fit a buffer of {buffer.Length} bytes.", ExecId);
            await WithWriterAsync(async ct =>
            {
                await _connection.Stream.WriteAsync(buffer, offset, count, ct).ConfigureAwait(false);
                await _connection.Stream.FlushAsync(ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Writes <paramref name="text"/> (UTF-8, no byte order mark) to the command's stdin.</summary>
        public Task WriteAsync(string text, CancellationToken cancellationToken = default)
        {
            if (text is null) throw new OciException(OciErrorKind.InvalidArgument, "A text is required.", ExecId);
            var bytes = Utf8.GetBytes(text);
            return WriteAsync(bytes, 0, bytes.Length, cancellationToken);
        }

        /// <summary>Ends the command's input (half-closes the connection: its stdin reads end of file); output goes on.</summary>
        public async Task CloseInputAsync(CancellationToken cancellationToken = default)
        {
            if (!CanCloseInput)
                throw new OciException(OciErrorKind.Unsupported, "This exec session's connection (a named pipe) cannot be half-closed to end the input; dispose the session instead.", ExecId);
            await WithWriterAsync(_ => _connection.CloseWriteAsync(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The next piece of output as the engine framed it; null once the output ended (the command closed its stdout and stderr).</summary>
        public async Task<OciExecOutput?> ReadAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfClosed();
            if (Interlocked.Exchange(ref _reading, 1) == 1)
                throw new OciException(OciErrorKind.InvalidArgument, "Another read of this exec session is in progress: read from one task at a time.", ExecId);
            try
            {
                if (_ended) return null;
                var frame = await Guarded(ct => LogFrames.ReadFrameAsync(_connection.Stream, _header, ct), cancellationToken).ConfigureAwait(false);
                if (frame is not { } f)
                {
                    _ended = true;
                    return null;
                }
                return new OciExecOutput(f.Stream, f.Data);
            }
            finally
            {
                Volatile.Write(ref _reading, 0);
            }
        }

        /// <summary>
        /// The next whole line of either stream (at '\n', a trailing '\r' dropped, decoded as UTF-8 once whole, so a line
        /// or a character split across frames arrives intact); an unfinished last line comes when the output ends; then null.
        /// </summary>
        public async Task<OciLogLine?> ReadLineAsync(CancellationToken cancellationToken = default)
        {
            while (_lines.Count == 0)
            {
                var piece = await ReadAsync(cancellationToken).ConfigureAwait(false);
                var lines = piece is null ? _splitter.Flush() : _splitter.Add(piece.Stream, piece.Data);
                foreach (var (stream, text) in lines)
                    _lines.Enqueue(new OciLogLine { Container = ContainerId, Stream = stream, Text = text });
                if (piece is null) break;
            }
            return _lines.Count > 0 ? _lines.Dequeue() : null;
        }

        /// <summary>The command's exit code, once it ended (call it after the output ended; the engine may take a moment to record it).</summary>
        public Task<int> GetExitCodeAsync(CancellationToken cancellationToken = default) => Guarded(_exitCode, cancellationToken, endOnCancel: false);

        /// <summary>Ends the session when <paramref name="token"/> is cancelled (its client's disposal).</summary>
        internal void CloseWhen(CancellationToken token) => _onClientClose = token.Register(Dispose);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _onClientClose.Dispose();
            _connection.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        public override string ToString() => $"exec {ExecId} in {ContainerId}: {string.Join(" ", Command)}";

        private static readonly UTF8Encoding Utf8 = new(false);

        private async Task WithWriterAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            ThrowIfClosed();
            await Guarded(async ct =>
            {
                await _writing.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await write(ct).ConfigureAwait(false);
                    return true;
                }
                finally
                {
                    _writing.Release();
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs one operation with the one error mapping of a session: the caller's cancellation ends the session (unless
        /// <paramref name="endOnCancel"/> is false) and is <see cref="OciErrorKind.Cancelled"/>; a session closed meanwhile
        /// is <see cref="OciErrorKind.ConnectionClosed"/>; anything else goes through the driver's mapping.
        /// </summary>
        private async Task<T> Guarded<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken, bool endOnCancel = true)
        {
            using var onCancel = endOnCancel ? cancellationToken.Register(Dispose) : default;
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OciException { Kind: not OciErrorKind.Cancelled })
            {
                throw new OciException(OciErrorKind.Cancelled, $"Reading or writing exec {ExecId} in {ContainerId} was cancelled" + (endOnCancel ? "; the session is closed." : "."), ContainerId, innerException: e);
            }
            catch (OciException)
            {
                throw;
            }
            catch (Exception e) when (!IsOpen)
            {
                throw Closed(e);
            }
            catch (Exception e)
            {
                throw _map(e);
            }
        }

        private void ThrowIfClosed()
        {
            if (!IsOpen) throw Closed(null);
        }

        private OciException Closed(Exception? inner) =>
            new(OciErrorKind.ConnectionClosed, $"The exec session {ExecId} in {ContainerId} is closed.", ContainerId, innerException: inner);
    }
}
