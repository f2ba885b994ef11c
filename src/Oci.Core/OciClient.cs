using System;
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

        /// <summary>Connects through <paramref name="driver"/> to <paramref name="endpoint"/> (TLS from the environment, 10 s connect timeout).</summary>
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
        /// backstop (a second later) for one that does not, so no probe can hang a connect.
        /// </summary>
        internal static async Task<OciProbeResult> ProbeAsync(IOciProbe probe, OciEndpoint endpoint, OciConnectOptions options, CancellationToken cancellationToken)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.ConnectTimeout != Timeout.InfiniteTimeSpan) bound.CancelAfter(options.ConnectTimeout + TimeSpan.FromSeconds(1));
            try
            {
                return await probe.ProbeAsync(endpoint, options, bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && bound.IsCancellationRequested)
            {
                var seconds = options.ConnectTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                throw new OciException(OciErrorKind.Timeout, $"Cannot connect to the engine at '{endpoint}': it did not answer within {seconds} s.", endpoint.Text, $"it did not answer within {seconds} s", innerException: e);
            }
        }

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

        /// <summary>Serves <paramref name="request"/>; progress events reach <paramref name="progress"/> in order, on the serving thread.</summary>
        public async Task<OciResponse> ExecuteAsync(OciRequest request, IProgress<OciProgress>? progress, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new OciException(OciErrorKind.InvalidArgument, "A request is required.");
            Enter(request.Target);
            try
            {
                var handler = Driver.Handler(request.Kind, request.Method) ?? throw Unserved(request);
                cancellationToken.ThrowIfCancellationRequested();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
                var watch = Stopwatch.StartNew();
                var response = await handler.ServeAsync(request.WithContext(Connection, progress), linked.Token).ConfigureAwait(false)
                    ?? throw new OciException(OciErrorKind.EngineError, $"The {Driver.Name} driver returned no response to {request.Method}.", request.Target);
                return response.Stamp(Connection, watch.Elapsed);
            }
            catch (Exception e) when (e is OperationCanceledException || (e is OciException { Kind: OciErrorKind.Cancelled }))
            {
                if (_closing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    throw Closed(request.Target, e);
                if (e is OciException) throw;
                throw new OciException(OciErrorKind.Cancelled, $"{request.Method} {request.Target} was cancelled.".Replace("  ", " "), request.Target, innerException: e);
            }
            catch (OciException)
            {
                throw;
            }
            catch (Exception e) when (_closing.IsCancellationRequested)
            {
                // A transport torn down by dispose can surface as IO or HTTP errors rather than cancellation.
                throw Closed(request.Target, e);
            }
            catch (Exception e)
            {
                // Only a driver that does not derive from OciDriver<T> can get here: its errors are not mapped.
                throw new OciException(OciErrorKind.EngineError, $"{request.Method} failed: {e.Message}", request.Target, e.Message, innerException: e);
            }
            finally
            {
                Leave();
            }
        }

        /// <summary>Pulls <paramref name="reference"/> (<c>client.Pull(ctx, "alpine:latest")</c> in the Go original).</summary>
        public Task<OciResponse> PullAsync(string reference, OciPullOptions? options = null, IProgress<OciProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(reference))
                throw new OciException(OciErrorKind.InvalidReference, "An image reference is required to pull.", reference);
            return ExecuteAsync(OciRequest.WithOptions(OciMethods.Pull, OciKind.Image, reference, options ?? new OciPullOptions()), progress, cancellationToken);
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
