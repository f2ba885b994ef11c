using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// Runs requests through a driver over one connection. Safe to use from many threads at once.
    /// Disposing cancels calls in flight (they fail with <see cref="OciErrorKind.ConnectionClosed"/>) and
    /// waits for them to unwind before the connection closes; later calls fail the same way.
    /// </summary>
    public sealed class OciClient : IAsyncDisposable, IDisposable
    {
        private readonly CancellationTokenSource _closing = new();
        private readonly TaskCompletionSource<bool> _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _disposed;

        private OciClient(IOciDriver driver, IOciConnection connection)
        {
            Driver = driver;
            Connection = connection;
        }

        /// <summary>Connects through <paramref name="driver"/> to <paramref name="endpoint"/> (TLS from the environment, the default connect timeout: <see cref="OciConnectOptions.DefaultConnectTimeout"/>).</summary>
        public static Task<OciClient> ConnectAsync(IOciDriver driver, string endpoint, CancellationToken cancellationToken = default) =>
            ConnectAsync(driver, endpoint, null, cancellationToken);

        /// <summary>Connects through <paramref name="driver"/> to <paramref name="endpoint"/> with <paramref name="options"/>.</summary>
        public static Task<OciClient> ConnectAsync(IOciDriver driver, string endpoint, OciConnectOptions? options, CancellationToken cancellationToken = default) =>
            ConnectAsync(driver, OciEndpoint.Parse(endpoint), options, cancellationToken);

        /// <summary>Connects through the driver registered as <paramref name="driverName"/>.</summary>
        public static Task<OciClient> ConnectAsync(string driverName, string endpoint, CancellationToken cancellationToken = default) =>
            ConnectAsync(OciDrivers.Get(driverName), endpoint, null, cancellationToken);

        /// <summary>Connects through the driver registered as <paramref name="driverName"/> with <paramref name="options"/>.</summary>
        public static Task<OciClient> ConnectAsync(string driverName, string endpoint, OciConnectOptions? options, CancellationToken cancellationToken = default) =>
            ConnectAsync(OciDrivers.Get(driverName), endpoint, options, cancellationToken);

        /// <summary>
        /// Probes <paramref name="endpoint"/> with the driver's probe (one round trip), checks the driver serves what
        /// answered, and connects over what the probe opened.
        /// </summary>
        public static async Task<OciClient> ConnectAsync(IOciDriver driver, OciEndpoint endpoint, OciConnectOptions? options, CancellationToken cancellationToken = default)
        {
            if (driver is null) throw new OciException(OciErrorKind.InvalidArgument, "A driver is required to connect.", endpoint?.Text);
            if (endpoint is null) throw new OciException(OciErrorKind.InvalidArgument, "An endpoint is required to connect.");
            options = options?.Clone() ?? new OciConnectOptions();
            if (!driver.Probe.CanProbe(endpoint))
                throw new OciException(endpoint.IsKnownScheme ? OciErrorKind.Unsupported : OciErrorKind.InvalidArgument,
                    $"The {driver.Name} driver cannot reach {endpoint.Scheme}:// endpoints ('{endpoint}').", endpoint.Text);
            OciProbeResult answer;
            try
            {
                answer = await ProbeAsync(driver.Probe, endpoint, options, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw Cancelled(endpoint, e);
            }
            return await ConnectAsync(driver, answer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Probes within <see cref="OciConnectOptions.ConnectTimeout"/>. A probe reports its own timeout; this is the
        /// backstop (a second later) for one that does not, so no probe can hang a connect: Timeout, naming the endpoint and
        /// the timeout (a probe's own report of a silent engine is EngineUnavailable, naming them too).
        /// </summary>
        internal static async Task<OciProbeResult> ProbeAsync(IOciProbe probe, OciEndpoint endpoint, OciConnectOptions options, CancellationToken cancellationToken)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(options.ConnectTimeout + TimeSpan.FromSeconds(1));
            try
            {
                return await probe.ProbeAsync(endpoint, options, bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && bound.IsCancellationRequested)
            {
                var why = $"it did not answer within {Seconds(options.ConnectTimeout)} s";
                throw new OciException(OciErrorKind.Timeout, $"Cannot connect to the engine at '{endpoint}': {why}.", endpoint.Text, why, innerException: e);
            }
        }

        /// <summary>A timeout in seconds as messages show it: 10, 0.5.</summary>
        internal static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Connects through <paramref name="driver"/> to the engine that answered <paramref name="answer"/>, taking it over
        /// (it is disposed when the driver does not serve that engine or the connect fails).
        /// </summary>
        public static async Task<OciClient> ConnectAsync(IOciDriver driver, OciProbeResult answer, CancellationToken cancellationToken = default)
        {
            if (driver is null) throw new OciException(OciErrorKind.InvalidArgument, "A driver is required to connect.");
            if (answer is null) throw new OciException(OciErrorKind.InvalidArgument, "A probe answer is required to connect.");
            try
            {
                if (!ReferenceEquals(driver.Probe, answer.Probe) || driver.Serves(answer) <= 0)
                {
                    var others = OciDrivers.Serving(answer).Where(d => !ReferenceEquals(d, driver)).Select(d => d.Name).ToList();
                    throw new OciException(OciErrorKind.Unsupported,
                        $"The engine at '{answer.Endpoint}' is {answer.Engine} {answer.EngineVersion} (API {answer.ApiVersion}), which the {driver.Name} driver does not serve."
                        + (others.Count > 0 ? $" Use the {string.Join(" or ", others)} driver for it." : string.Empty),
                        answer.Endpoint.Text, $"{answer.Engine} {answer.EngineVersion}");
                }
                cancellationToken.ThrowIfCancellationRequested();
                var connection = await driver.ConnectAsync(answer, cancellationToken).ConfigureAwait(false);
                return new OciClient(driver, connection);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                answer.Dispose();
                throw Cancelled(answer.Endpoint, e);
            }
            catch
            {
                answer.Dispose();
                throw;
            }
        }

        public IOciDriver Driver { get; }

        public IOciConnection Connection { get; }

        /// <summary>False once disposal has begun.</summary>
        public bool IsConnected => Volatile.Read(ref _disposed) == 0 && Connection.IsConnected;

        /// <summary>True when the driver serves <paramref name="method"/> on <paramref name="kind"/>.</summary>
        public bool Supports(OciKind kind, string method) => Driver.Handler(kind, OciMethods.Normalize(method)) is not null;

        public Task<OciResponse> ExecuteAsync(OciRequest request, CancellationToken cancellationToken = default) =>
            ExecuteAsync(request, null, cancellationToken);

        /// <summary>
        /// Serves <paramref name="request"/>; progress events reach <paramref name="progress"/> in order, on the serving
        /// thread. For a streaming method the response's <see cref="OciResponse.Data"/> is an <c>IAsyncEnumerable&lt;object&gt;</c>
        /// read once, which counts as a call in flight while it is read (<see cref="StreamAsync{T}"/> gives it typed).
        /// </summary>
        public async Task<OciResponse> ExecuteAsync(OciRequest request, IProgress<OciProgress>? progress, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new OciException(OciErrorKind.InvalidArgument, "A request is required.");
            Enter(request.Target);
            try
            {
                // A caller token that can never fire needs no linking: closing the client alone cancels the call.
                using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token) : null;
                var start = Stopwatch.GetTimestamp();
                var response = await ServeAsync(request, progress, linked?.Token ?? _closing.Token).ConfigureAwait(false);
                if (response.Data is IOciStream)
                    response = response.WithData(new TrackedStream<object>(this, request, progress, cancellationToken, response.Data));
                // A live exec session holds a connection of its own: it ends when this client is disposed.
                (response.Data as OciExecSession)?.CloseWhen(_closing.Token);
                return response.Stamp(Connection, TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency));
            }
            catch (Exception e)
            {
                throw Failure(e, request, cancellationToken);
            }
            finally
            {
                Leave();
            }
        }

        /// <summary>
        /// Streams the items a streaming method (LOGS that follow, EVENTS, ...) yields, as they arrive. Nothing is sent
        /// until the stream is read; while it is read it counts as a call in flight, so disposing the client ends it
        /// with <see cref="OciErrorKind.ConnectionClosed"/>. Failures are <see cref="OciException"/>s, as from
        /// <see cref="ExecuteAsync(OciRequest, IProgress{OciProgress}?, CancellationToken)"/>.
        /// </summary>
        public IAsyncEnumerable<T> StreamAsync<T>(OciRequest request, IProgress<OciProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new OciException(OciErrorKind.InvalidArgument, "A request is required.");
            return new TrackedStream<T>(this, request, progress, cancellationToken, served: null);
        }

        /// <summary>
        /// Reads a streaming method's items as <see cref="StreamAsync{T}"/> does, handing each to <paramref name="onItem"/>
        /// as it arrives (awaited before the next is read). For callers that cannot name <c>IAsyncEnumerable</c> across
        /// assembly-load boundaries (the PowerShell module: its netstandard2.0 build and Oci.Core's own closure may bind
        /// that interface from different assemblies).
        /// </summary>
        public async Task ForEachAsync<T>(OciRequest request, Func<T, Task> onItem, IProgress<OciProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (onItem is null) throw new OciException(OciErrorKind.InvalidArgument, "A callback is required.");
            await foreach (var item in StreamAsync<T>(request, progress, cancellationToken).ConfigureAwait(false))
                await onItem(item).ConfigureAwait(false);
        }

        /// <summary>True when <paramref name="data"/> (an <see cref="OciResponse.Data"/>) is a stream to read with <see cref="ForEachAsync(object, Func{object, Task}, CancellationToken)"/>.</summary>
        public static bool IsStream(object? data) => data is IAsyncEnumerable<object>;

        /// <summary>Reads the stream an <see cref="ExecuteAsync(OciRequest, IProgress{OciProgress}?, CancellationToken)"/> answer carries, handing each item on as it arrives.</summary>
        public static async Task ForEachAsync(object data, Func<object, Task> onItem, CancellationToken cancellationToken = default)
        {
            if (data is not IAsyncEnumerable<object> items) throw new OciException(OciErrorKind.InvalidArgument, "The data is not a stream.");
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
                await onItem(item).ConfigureAwait(false);
        }

        /// <summary>The handler's answer, bound to this connection; no error mapping (the callers do it, once).</summary>
        private async Task<OciResponse> ServeAsync(OciRequest request, IProgress<OciProgress>? progress, CancellationToken cancellationToken)
        {
            var handler = Driver.Handler(request.Kind, request.Method) ?? throw Unserved(request);
            cancellationToken.ThrowIfCancellationRequested();
            return await handler.ServeAsync(request.WithContext(Connection, progress), cancellationToken).ConfigureAwait(false)
                ?? throw new OciException(OciErrorKind.EngineError, $"The {Driver.Name} driver returned no response to {request.Method}.", request.Target);
        }

        /// <summary>The one mapping of what a call threw to what the caller sees: cancellation, a closed client, or an OciException.</summary>
        private Exception Failure(Exception e, OciRequest request, CancellationToken callerToken)
        {
            if (e is OperationCanceledException || e is OciException { Kind: OciErrorKind.Cancelled })
            {
                if (_closing.IsCancellationRequested && !callerToken.IsCancellationRequested) return Closed(request.Target, e);
                if (e is OciException) return e;
                return new OciException(OciErrorKind.Cancelled, $"{request.Method} {request.Target} was cancelled.".Replace("  ", " "), request.Target, innerException: e);
            }
            if (e is OciException) return e;
            // A transport torn down by dispose can surface as IO or HTTP errors rather than cancellation.
            if (_closing.IsCancellationRequested) return Closed(request.Target, e);
            // Only a driver that does not derive from OciDriver<T> can get here: its errors are not mapped.
            return new OciException(OciErrorKind.EngineError, $"{request.Method} failed: {e.Message}", request.Target, e.Message, innerException: e);
        }

        /// <summary>Pulls <paramref name="reference"/> (<c>client.Pull(ctx, "alpine:latest")</c> in the Go original).</summary>
        public Task<OciResponse> PullAsync(string reference, OciPullOptions? options = null, IProgress<OciProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(reference))
                throw new OciException(OciErrorKind.InvalidReference, "An image reference is required to pull.", reference);
            return ExecuteAsync(OciRequest.WithOptions(OciMethods.Pull, OciKind.Image, reference, options ?? new OciPullOptions()), progress, cancellationToken);
        }

        /// <summary>
        /// Starts <paramref name="options"/>' command in the running container <paramref name="container"/> with its stdin,
        /// stdout and stderr attached (EXEC_SESSION) and hands it back running: write its input, read its output as it
        /// comes, end its input. Dispose the session to end it; disposing this client ends it too.
        /// </summary>
        public async Task<OciExecSession> OpenExecSessionAsync(string container, OciExecSessionOptions options, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(container))
                throw new OciException(OciErrorKind.InvalidArgument, "A container id or name is required to open an exec session.", container);
            if (options is null) throw new OciException(OciErrorKind.InvalidArgument, "Exec session options (the command) are required.", container);
            var response = await ExecuteAsync(OciRequest.WithOptions(OciMethods.ExecSession, OciKind.Container, container, options), cancellationToken).ConfigureAwait(false);
            return response.Data as OciExecSession
                ?? throw new OciException(OciErrorKind.EngineError, $"The {Driver.Name} driver answered EXEC_SESSION without a session.", container);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _closing.Cancel();
            if (Volatile.Read(ref _inFlight) == 0) _drained.TrySetResult(true);
            // Calls in flight see the cancellation and unwind; wait for them so the connection is not torn from under them.
            await _drained.Task.ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
            _closing.Dispose();
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        public override string ToString() => $"{Driver.Name} {Connection.Endpoint}";

        /// <summary>
        /// A stream read through this client: counted as a call in flight from its first read until it ends, fails or is
        /// disposed (or the client closes, whichever comes first); its failures mapped as any call's.
        /// </summary>
        private sealed class TrackedStream<T> : IAsyncEnumerable<T>
        {
            private readonly OciClient _client;
            private readonly OciRequest _request;
            private readonly IProgress<OciProgress>? _progress;
            private readonly CancellationToken _callerToken;
            private object? _served;

            public TrackedStream(OciClient client, OciRequest request, IProgress<OciProgress>? progress, CancellationToken callerToken, object? served)
            {
                _client = client;
                _request = request;
                _progress = progress;
                _callerToken = callerToken;
                _served = served;
                _servedOnce = served is not null;
            }

            private readonly bool _servedOnce;

            /// <summary>
            /// A stream of <see cref="StreamAsync{T}"/> sends the request again for each reader; the one an
            /// <see cref="ExecuteAsync(OciRequest, IProgress{OciProgress}?, CancellationToken)"/> answer carries was served once and is read once.
            /// </summary>
            public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
            {
                object? served = null;
                if (_servedOnce && (served = Interlocked.Exchange(ref _served, null)) is null)
                    throw new InvalidOperationException("This stream was answered to one request and can be read once.");
                return new Enumerator(this, served, cancellationToken);
            }

            private sealed class Enumerator : IAsyncEnumerator<T>
            {
                private readonly TrackedStream<T> _stream;
                private readonly CancellationToken _enumeratorToken;
                private object? _served;
                private CancellationTokenSource? _linked;
                private CancellationTokenRegistration _onClose;
                private IAsyncEnumerator<T>? _inner;
                private int _state; // 0 not started, 1 in flight, 2 released

                public Enumerator(TrackedStream<T> stream, object? served, CancellationToken enumeratorToken)
                {
                    _stream = stream;
                    _served = served;
                    _enumeratorToken = enumeratorToken;
                }

                public T Current => _inner is null ? throw new InvalidOperationException("The stream has not been read yet.") : _inner.Current;

                public async ValueTask<bool> MoveNextAsync()
                {
                    var client = _stream._client;
                    var request = _stream._request;
                    try
                    {
                        if (_inner is null)
                        {
                            if (Volatile.Read(ref _state) != 0) return false;
                            client.Enter(request.Target);
                            _state = 1;
                            _linked = CancellationTokenSource.CreateLinkedTokenSource(_stream._callerToken, _enumeratorToken, client._closing.Token);
                            // A reader that stops reading without disposing must not keep the client's dispose waiting.
                            _onClose = client._closing.Token.Register(Release);
                            var data = _served ?? (await client.ServeAsync(request, _stream._progress, _linked.Token).ConfigureAwait(false)).Data;
                            _served = null;
                            var items = data as IAsyncEnumerable<T>
                                ?? throw new OciException(OciErrorKind.Unsupported, $"{request.Method} {request.Kind.ToString().ToUpperInvariant()} does not answer with a stream of {typeof(T).Name}.", request.Target);
                            _inner = items.GetAsyncEnumerator(_linked.Token);
                        }
                        var more = await _inner.MoveNextAsync().ConfigureAwait(false);
                        if (!more) Release();
                        return more;
                    }
                    catch (Exception e)
                    {
                        Release();
                        throw client.Failure(e, request, _stream._callerToken.IsCancellationRequested ? _stream._callerToken : _enumeratorToken);
                    }
                }

                public async ValueTask DisposeAsync()
                {
                    try
                    {
                        if (_inner is not null) await _inner.DisposeAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        Release();
                        _linked?.Dispose();
                    }
                }

                private void Release()
                {
                    if (Interlocked.CompareExchange(ref _state, 2, 1) != 1) return;
                    _onClose.Dispose();
                    _stream._client.Leave();
                }
            }
        }

        private OciException Unserved(OciRequest request)
        {
            var kind = request.Kind.ToString().ToUpperInvariant();
            var served = Driver.Methods(request.Kind);
            var elsewhere = Enum.GetValues(typeof(OciKind)).Cast<OciKind>()
                .Where(k => k != request.Kind && Driver.Handler(k, request.Method) is not null)
                .Select(k => k.ToString().ToUpperInvariant()).ToList();
            return new OciException(OciErrorKind.Unsupported,
                $"The {Driver.Name} driver does not serve {request.Method} {kind}. It serves for {kind}: {(served.Count == 0 ? "nothing" : string.Join(", ", served))}."
                + (elsewhere.Count > 0 ? $" {request.Method} is served for: {string.Join(", ", elsewhere)}." : string.Empty),
                request.Target ?? request.Method);
        }

        private static OciException Cancelled(OciEndpoint endpoint, Exception inner) =>
            new(OciErrorKind.Cancelled, $"Connecting to '{endpoint}' was cancelled.", endpoint.Text, innerException: inner);

        private void Enter(string? target)
        {
            Interlocked.Increment(ref _inFlight);
            if (Volatile.Read(ref _disposed) != 0)
            {
                Leave();
                throw Closed(target, null);
            }
        }

        private void Leave()
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _disposed) != 0)
                _drained.TrySetResult(true);
        }

        private OciException Closed(string? target, Exception? inner) =>
            new(OciErrorKind.ConnectionClosed, $"The connection to {Connection.Endpoint} is closed.", target ?? Connection.Endpoint.ToString(), innerException: inner);
    }
}
