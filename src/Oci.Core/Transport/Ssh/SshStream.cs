using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// The byte stream of one ssh process: writes go to its stdin, reads come from its stdout. Until the engine has
    /// answered, what was written is kept (up to <see cref="MaxReplay"/>): if the remote CLI is missing or cannot reach an
    /// engine, the next CLI's dial-stdio is started and the same bytes are sent to it, so trying docker and then podman
    /// costs the caller nothing but time. When ssh ends without an answer, or midway, reads and writes fail with a
    /// <see cref="SshTransportException"/> saying why; a clean end after answers (the engine closed the connection) is EOF.
    /// Disposing ends the process (see <see cref="SshProcess.Dispose"/>).
    /// </summary>
    internal sealed class SshStream : Stream
    {
        /// <summary>The most request bytes kept for a replay: a ping or a request's head, never a large upload.</summary>
        private const int MaxReplay = 64 * 1024;

        /// <summary>How long an ssh whose stdout ended may take to exit and say why.</summary>
        private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

        private readonly SshDialer _dialer;
        private readonly IReadOnlyList<SshRoute> _routes;
        private readonly Action _release;
        // Held while bytes are kept for a replay, and while the process is swapped for the next route's.
        private readonly SemaphoreSlim _swap = new(1, 1);
        private readonly List<SshFailure> _tried = new();
        private SshProcess _process;
        private int _route;
        private MemoryStream? _sent = new();
        private volatile bool _answered;
        private int _disposed;

        public SshStream(SshDialer dialer, IReadOnlyList<SshRoute> routes, SshProcess process, Action release)
        {
            _dialer = dialer;
            _routes = routes;
            _process = process;
            _release = release;
        }

        /// <summary>The ssh process carrying the stream now (tests stop it to cut the connection).</summary>
        internal SshProcess Process => Volatile.Read(ref _process);

        /// <summary>
        /// Ends the input (ssh's stdin), which dial-stdio passes on to the engine as a half-close: an exec's stdin ends
        /// while its output still comes. Only once the engine answered (no replay to another route can follow).
        /// </summary>
        internal async Task CloseInputAsync()
        {
            if (!_answered) throw new InvalidOperationException("The input of an ssh stream is closed only once the engine has answered.");
            var input = Process.Input;
            await input.FlushAsync().ConfigureAwait(false);
            input.Dispose();
        }

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        // Every write is flushed to the pipe as it is made.
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

#if NET8_0_OR_GREATER
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            buffer.Length == 0 ? new ValueTask<int>(0) : ReadCoreAsync((s, ct) => s.ReadAsync(buffer, ct), cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            WriteCoreAsync(buffer, cancellationToken);
#else
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            count == 0 ? Task.FromResult(0) : ReadCoreAsync((s, ct) => new ValueTask<int>(s.ReadAsync(buffer, offset, count, ct)), cancellationToken).AsTask();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteCoreAsync(new ReadOnlyMemory<byte>(buffer, offset, count), cancellationToken).AsTask();
#endif

        // A zero-byte read (the HTTP pool's check of an idle connection) answers 0 at once: a pipe has no way to wait for
        // data without taking it, and read as an end here it would wait for ssh to exit and fail a connection that is fine.
        private async ValueTask<int> ReadCoreAsync(Func<Stream, CancellationToken, ValueTask<int>> read, CancellationToken cancellationToken)
        {
            while (true)
            {
                var process = Process;
                int n;
                try
                {
                    n = await read(process.Output, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
                {
                    n = 0; // the pipe broke: ssh is gone, and its exit says why
                }
                if (n > 0)
                {
                    Answered(process);
                    return n;
                }
                if (Volatile.Read(ref _disposed) != 0) return 0;
                if (await TryNextRouteAsync(process, cancellationToken).ConfigureAwait(false)) continue;
                var exit = await process.WaitForExitAsync(ExitWait).ConfigureAwait(false);
                if (_answered && exit == 0 && !process.KilledByUs) return 0; // the engine closed the connection
                throw Failure(process, exit);
            }
        }

        private async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
        {
            SshProcess process;
            if (_answered)
            {
                process = Process;
                if (await TryWriteAsync(process, buffer, cancellationToken).ConfigureAwait(false)) return;
                throw Failure(process, await process.WaitForExitAsync(ExitWait).ConfigureAwait(false));
            }
            await _swap.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                process = Process;
                if (_sent is { } sent)
                {
                    if (sent.Length + buffer.Length <= MaxReplay) WriteTo(sent, buffer);
                    else _sent = null; // too much to replay: this route is the only one left
                }
                if (await TryWriteAsync(process, buffer, cancellationToken).ConfigureAwait(false)) return;
            }
            finally
            {
                _swap.Release();
            }
            // The process ended before taking the bytes: the next route gets them (they were kept), or this is the end.
            if (await TryNextRouteAsync(process, cancellationToken).ConfigureAwait(false)) return;
            throw Failure(process, await process.WaitForExitAsync(ExitWait).ConfigureAwait(false));
        }

        private static async ValueTask<bool> TryWriteAsync(SshProcess process, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
#if NET8_0_OR_GREATER
                await process.Input.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
#else
                var segment = MemoryMarshal.TryGetArray(buffer, out var s) ? s : new ArraySegment<byte>(buffer.ToArray());
                await process.Input.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
#endif
                await process.Input.FlushAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        private static void WriteTo(MemoryStream stream, ReadOnlyMemory<byte> buffer)
        {
            var segment = MemoryMarshal.TryGetArray(buffer, out var s) ? s : new ArraySegment<byte>(buffer.ToArray());
            stream.Write(segment.Array!, segment.Offset, segment.Count);
        }

        private void Answered(SshProcess process)
        {
            if (_answered) return;
            _answered = true;
            _sent = null;
            _dialer.Learn(process.Route);
        }

        /// <summary>
        /// After <paramref name="failed"/> ended without an answer: when it was the remote command that failed (not ssh)
        /// and another route remains, starts it and sends it what was written so far. True when the caller should go on.
        /// </summary>
        private async Task<bool> TryNextRouteAsync(SshProcess failed, CancellationToken cancellationToken)
        {
            await _swap.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!ReferenceEquals(Process, failed)) return true; // another reader or writer already moved on
                if (_answered || _sent is null || _route + 1 >= _routes.Count || Volatile.Read(ref _disposed) != 0) return false;
                var failure = SshFailure.Of(failed, await failed.WaitForExitAsync(ExitWait).ConfigureAwait(false), _dialer.Destination, answered: false);
                if (failure.AtSsh) return false; // a login, host key or network failure: another CLI would meet the same
                _tried.Add(failure);
                _route++;
                var next = _dialer.Start(_routes[_route]);
                Volatile.Write(ref _process, next);
                failed.Dispose();
                if (Volatile.Read(ref _disposed) != 0) next.Dispose();
                var replay = _sent.ToArray();
                // If the next one fails to take them, its read and exit say why.
                if (replay.Length > 0) await TryWriteAsync(next, replay, cancellationToken).ConfigureAwait(false);
                return true;
            }
            finally
            {
                _swap.Release();
            }
        }

        private SshTransportException Failure(SshProcess process, int? exit)
        {
            if (exit is null) process.Kill(); // stdout closed but ssh lingers: it will not carry anything more
            var failure = SshFailure.Of(process, exit, _dialer.Destination, _answered);
            var tried = new List<SshFailure>(_tried) { failure };
            return new SshTransportException(failure.Kind, SshFailure.Combine(_dialer.Destination, tried));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Process.Dispose();
                _release();
            }
            base.Dispose(disposing);
        }
    }
}
