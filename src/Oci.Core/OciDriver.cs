using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// The base of every driver: a table of (kind, method) → handler, where each handler is one function of its own
    /// connection type, the request, its typed options and cancellation. Around every handler, once: the connection
    /// is checked and cast, the request's parameters are bound to the options type (unknown keys and wrong types
    /// refused by name), and whatever the handler throws that is not an <see cref="OciException"/> is mapped by
    /// <see cref="MapError"/>, so only <see cref="OciException"/> (and cancellation) leaves a driver.
    /// </summary>
    /// <typeparam name="TConnection">The connection type this driver's <see cref="ConnectAsync"/> makes.</typeparam>
    public abstract class OciDriver<TConnection> : IOciDriver where TConnection : class, IOciConnection
    {
        private readonly Dictionary<OciKind, SortedDictionary<string, IOciHandler>> _handlers = new();

        public abstract string Name { get; }

        public abstract IOciProbe Probe { get; }

        public abstract int Serves(OciProbeResult answer);

        /// <summary>Connects to what answered (taking over what the probe opened).</summary>
        protected abstract Task<TConnection> ConnectAsync(OciProbeResult answer, CancellationToken cancellationToken);

        async Task<IOciConnection> IOciDriver.ConnectAsync(OciProbeResult answer, CancellationToken cancellationToken) =>
            await ConnectAsync(answer ?? throw new ArgumentNullException(nameof(answer)), cancellationToken).ConfigureAwait(false);

        public IOciHandler? Handler(OciKind kind, string method) =>
            method is not null && _handlers.TryGetValue(kind, out var table) && table.TryGetValue(OciMethods.Normalize(method), out var h) ? h : null;

        public IReadOnlyList<string> Methods(OciKind kind) =>
            _handlers.TryGetValue(kind, out var table) ? table.Keys.ToArray() : Array.Empty<string>();

        /// <summary>
        /// Maps an error a handler threw — anything but <see cref="OciException"/> and the caller's cancellation — to the
        /// standard kinds. The one place a driver turns its engine's and transport's errors into Oci's.
        /// </summary>
        protected abstract OciException MapError(Exception error, OciRequest request, TConnection connection);

        /// <summary>Serves <paramref name="method"/> on <paramref name="kind"/> with a handler that takes no parameters; registering a pair again replaces it (a derived driver overriding its base).</summary>
        protected void Handle(OciKind kind, string method, Func<TConnection, OciRequest, CancellationToken, Task<OciResponse>> serve)
        {
            if (serve is null) throw new ArgumentNullException(nameof(serve));
            Handle<OciNoOptions>(kind, method, (c, r, _, ct) => serve(c, r, ct));
        }

        /// <summary>Serves <paramref name="method"/> on <paramref name="kind"/> with a handler of typed options (bound from the request's parameters when it has no options object).</summary>
        protected void Handle<TOptions>(OciKind kind, string method, Func<TConnection, OciRequest, TOptions, CancellationToken, Task<OciResponse>> serve)
            where TOptions : class, new()
        {
            if (serve is null) throw new ArgumentNullException(nameof(serve));
            if (!_handlers.TryGetValue(kind, out var table)) _handlers[kind] = table = new SortedDictionary<string, IOciHandler>(StringComparer.Ordinal);
            table[OciMethods.Normalize(method)] = new Wrapped<TOptions>(this, serve);
        }

        /// <summary>
        /// Serves a streaming method (logs that follow, events): the handler yields items as they arrive and the
        /// response's <see cref="OciResponse.Data"/> is that stream, read once (<see cref="OciClient.StreamAsync{T}"/>).
        /// The stream is lazy — nothing is sent until it is read — and what it throws is mapped like any handler's.
        /// </summary>
        protected void HandleStream<TOptions, TItem>(OciKind kind, string method, Func<TConnection, OciRequest, TOptions, CancellationToken, IAsyncEnumerable<TItem>> serve)
            where TOptions : class, new()
        {
            if (serve is null) throw new ArgumentNullException(nameof(serve));
            Handle<TOptions>(kind, method, (c, r, o, ct) =>
                Task.FromResult(OciResponse.For(r, new OciStream<TItem>(serve(c, r, o, ct), e => MapError(e, r, c)))));
        }

        public override string ToString() => Name;

        /// <summary>The wrapping handler: cast, bind, serve, map.</summary>
        private sealed class Wrapped<TOptions> : IOciHandler where TOptions : class, new()
        {
            private readonly OciDriver<TConnection> _driver;
            private readonly Func<TConnection, OciRequest, TOptions, CancellationToken, Task<OciResponse>> _serve;

            public Wrapped(OciDriver<TConnection> driver, Func<TConnection, OciRequest, TOptions, CancellationToken, Task<OciResponse>> serve)
            {
                _driver = driver;
                _serve = serve;
            }

            public async Task<OciResponse> ServeAsync(OciRequest request, CancellationToken cancellationToken)
            {
                if (request is null) throw new OciException(OciErrorKind.InvalidArgument, "A request is required.");
                var connection = request.Connection as TConnection
                    ?? throw new OciException(OciErrorKind.InvalidArgument,
                        request.Connection is null
                            ? $"{request.Method} needs a connection: send it through OciClient."
                            : $"{request.Method} was bound to a {request.Connection.Driver} connection, which the {_driver.Name} driver cannot serve.",
                        request.Target);
                var options = OptionsBinder.Bind<TOptions>(request);
                if (options is IOciRegistryAuthOptions auth)
                    request = await Credentials.RegistryAuth.ResolveAsync(request, connection, auth, cancellationToken).ConfigureAwait(false);
                try
                {
                    return await _serve(connection, request, options, cancellationToken).ConfigureAwait(false)
                        ?? throw new OciException(OciErrorKind.EngineError, $"The {_driver.Name} driver returned no response to {request.Method}.", request.Target);
                }
                catch (OciException)
                {
                    throw;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    throw _driver.MapError(e, request, connection);
                }
            }
        }
    }

    /// <summary>The options of a method that takes no parameters: any parameter given is refused by name.</summary>
    public sealed class OciNoOptions
    {
    }
}
