using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// Runs one async core call on the thread pool while the cmdlet's pipeline thread waits in <c>Run</c>,
    /// executing, in order, the work the call posts (progress callbacks arrive on the serving thread: Write* must never
    /// run there). The wait wakes on each post, on a periodic tick (for throttled progress), when the call finishes,
    /// and at once when the pipeline is stopped.
    /// </summary>
    internal sealed class PipelinePump : IDisposable
    {
        /// <summary>How many items a stream may post ahead of the pipeline thread before it waits (flat memory for fast streams).</summary>
        internal const int StreamCapacity = 1024;

        private readonly object _gate = new();
        private readonly Queue<(Action Action, bool Bounded)> _queue = new();
        private readonly SemaphoreSlim _signal = new(0);
        private readonly SemaphoreSlim _space = new(StreamCapacity);
        private bool _closed;

        /// <summary>Queues <paramref name="action"/> for the pipeline thread. Any thread; dropped once the pump is closed.</summary>
        public void Post(Action action) => Enqueue(action, bounded: false);

        /// <summary>
        /// Queues <paramref name="action"/> for the pipeline thread once fewer than <see cref="StreamCapacity"/> posted this
        /// way wait there: a stream read faster than the pipeline writes waits instead of filling memory.
        /// </summary>
        public async Task PostAsync(Action action, CancellationToken cancellationToken)
        {
            await _space.WaitAsync(cancellationToken).ConfigureAwait(false);
            Enqueue(action, bounded: true);
        }

        private void Enqueue(Action action, bool bounded)
        {
            lock (_gate)
            {
                if (_closed) return;
                _queue.Enqueue((action, bounded));
            }
            Release();
        }

        /// <summary>
        /// Starts <paramref name="operation"/> on the thread pool and pumps posted actions on the calling (pipeline) thread
        /// until it completes; returns its result or rethrows its exception. Throws <see cref="OperationCanceledException"/>
        /// as soon as <paramref name="stop"/> is cancelled, without waiting for the operation (it sees the same token).
        /// </summary>
        public T Run<T>(Func<Task<T>> operation, CancellationToken stop, TimeSpan tick, Action? onTick, out Task<T> task)
        {
            task = Start(operation);
            if (!task.IsCompleted)
                task.ContinueWith(_ => Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (true)
            {
                Drain(stop);
                if (task.IsCompleted)
                {
                    Drain(stop); // whatever was posted before completion, in order
                    return task.GetAwaiter().GetResult();
                }
                stop.ThrowIfCancellationRequested();
                _signal.Wait(tick, stop);
                onTick?.Invoke();
            }
        }

        public T Run<T>(Func<Task<T>> operation, CancellationToken stop) =>
            Run(operation, stop, Timeout.InfiniteTimeSpan, null, out _);

        /// <summary>
        /// Starts the operation on this (pipeline) thread: it runs here only until its first wait on the engine, and its
        /// continuations run on the thread pool (the core awaits with ConfigureAwait(false); a host's synchronization
        /// context is set aside for the start). A hop to the pool first (Task.Run) would cost a thread switch per call.
        /// </summary>
        private static Task<T> Start<T>(Func<Task<T>> operation)
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                return operation() ?? throw new InvalidOperationException("A core call returned no task.");
            }
            catch (Exception e)
            {
                return Task.FromException<T>(e);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        private void Drain(CancellationToken stop)
        {
            while (true)
            {
                stop.ThrowIfCancellationRequested();
                (Action Action, bool Bounded) next;
                lock (_gate)
                {
                    if (_queue.Count == 0) return;
                    next = _queue.Dequeue();
                }
                if (next.Bounded) _space.Release();
                next.Action();
            }
        }

        private void Release()
        {
            try { _signal.Release(); }
            catch (ObjectDisposedException) { /* the cmdlet is gone; nobody waits */ }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _closed = true;
                _queue.Clear();
            }
            // The semaphore is left to the GC: a late completion continuation may still release it.
        }
    }
}
