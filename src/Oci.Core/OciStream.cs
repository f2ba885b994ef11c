using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>Marks the streams drivers answer streaming methods with, so the client can track them while they are read.</summary>
    internal interface IOciStream
    {
    }

    /// <summary>
    /// A driver's stream of <typeparamref name="T"/> (<see cref="OciDriver{TConnection}.HandleStream{TOptions, TItem}"/>):
    /// read once; what the driver throws while it is read (but the caller's cancellation) goes through the driver's
    /// error mapping, as a handler's exceptions do.
    /// </summary>
    internal sealed class OciStream<T> : IAsyncEnumerable<T>, IOciStream
    {
        private readonly IAsyncEnumerable<T> _items;
        private readonly Func<Exception, OciException> _map;
        private int _taken;

        public OciStream(IAsyncEnumerable<T> items, Func<Exception, OciException> map)
        {
            _items = items ?? throw new ArgumentNullException(nameof(items));
            _map = map;
        }

        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _taken, 1) == 1)
                throw new InvalidOperationException("An Oci stream can be read once.");
            return new Enumerator(_items.GetAsyncEnumerator(cancellationToken), _map, cancellationToken);
        }

        private sealed class Enumerator : IAsyncEnumerator<T>
        {
            private readonly IAsyncEnumerator<T> _inner;
            private readonly Func<Exception, OciException> _map;
            private readonly CancellationToken _cancellationToken;

            public Enumerator(IAsyncEnumerator<T> inner, Func<Exception, OciException> map, CancellationToken cancellationToken)
            {
                _inner = inner;
                _map = map;
                _cancellationToken = cancellationToken;
            }

            public T Current => _inner.Current;

            public async ValueTask<bool> MoveNextAsync()
            {
                try
                {
                    return await _inner.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OciException)
                {
                    throw;
                }
                catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    throw _map(e);
                }
            }

            public ValueTask DisposeAsync() => _inner.DisposeAsync();
        }
    }
}
