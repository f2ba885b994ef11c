using System;
using System.Diagnostics;
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

        /// <summary>Connects through <paramref name="driver"/> to <paramref name="endpoint"/>.</summary>
        public static async Task<OciClient> ConnectAsync(IOciDriver driver, string endpoint, CancellationToken cancellationToken = default)
        {
            if (driver is null) throw new OciException(OciErrorKind.InvalidArgument, "A driver is required to connect.", endpoint);
            if (string.IsNullOrWhiteSpace(endpoint)) throw new OciException(OciErrorKind.InvalidArgument, "An endpoint is required to connect.", endpoint);
            IOciConnection connection;
            try
            {
                connection = await driver.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OciException(OciErrorKind.Cancelled, $"Connecting to '{endpoint}' was cancelled.", endpoint, innerException: e);
            }
            return new OciClient(driver, connection);
        }

        /// <summary>
        /// Connects through <paramref name="driver"/> with <paramref name="options"/> (TLS); a driver that cannot take
        /// options (<see cref="IOciConfigurableDriver"/>) is refused when TLS is asked for.
        /// </summary>
        public static async Task<OciClient> ConnectAsync(IOciDriver driver, string endpoint, OciConnectOptions? options, CancellationToken cancellationToken = default)
        {
            if (options?.Tls is null) return await ConnectAsync(driver, endpoint, cancellationToken).ConfigureAwait(false);
            if (driver is not IOciConfigurableDriver configurable)
                throw new OciException(OciErrorKind.Unsupported, $"The {driver?.Name} driver does not take TLS settings.", endpoint);
            if (string.IsNullOrWhiteSpace(endpoint)) throw new OciException(OciErrorKind.InvalidArgument, "An endpoint is required to connect.", endpoint);
            try
            {
                var connection = await configurable.ConnectAsync(endpoint, options, cancellationToken).ConfigureAwait(false);
                return new OciClient(driver, connection);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OciException(OciErrorKind.Cancelled, $"Connecting to '{endpoint}' was cancelled.", endpoint, innerException: e);
            }
        }

        /// <summary>Connects through the driver registered as <paramref name="driverName"/>.</summary>
        public static Task<OciClient> ConnectAsync(string driverName, string endpoint, CancellationToken cancellationToken = default) =>
            ConnectAsync(OciDrivers.Get(driverName), endpoint, cancellationToken);

        public IOciDriver Driver { get; }

        public IOciConnection Connection { get; }

        /// <summary>False once disposal has begun.</summary>
        public bool IsConnected => Volatile.Read(ref _disposed) == 0 && Connection.IsConnected;

        /// <summary>True when the driver has a handler for <paramref name="method"/>.</summary>
        public bool Supports(string method) => Driver.Handler(OciMethods.Normalize(method)) is not null;

        public Task<OciResponse> ExecuteAsync(OciRequest request, CancellationToken cancellationToken = default) =>
            ExecuteAsync(request, null, cancellationToken);

        /// <summary>Serves <paramref name="request"/>; progress events reach <paramref name="progress"/> in order, on the serving thread.</summary>
        public async Task<OciResponse> ExecuteAsync(OciRequest request, IProgress<OciProgress>? progress, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new OciException(OciErrorKind.InvalidArgument, "A request is required.");
            Enter(request.Target);
            try
            {
                var handler = Driver.Handler(request.Method)
                    ?? throw new OciException(OciErrorKind.Unsupported, $"The {Driver.Name} driver does not support {request.Method}.", request.Target);
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
            var parameters = new System.Collections.Generic.Dictionary<string, object?>();
            if (options?.Platform is { } platform) parameters["platform"] = platform;
            if (options?.Credential is { } credential) parameters[OciPullParameters.Credential] = credential;
            if (options?.AllowUnencryptedAuthentication == true) parameters[OciPullParameters.AllowUnencryptedAuthentication] = true;
            return ExecuteAsync(new OciRequest(OciMethods.Pull, OciKind.Image, reference, parameters), progress, cancellationToken);
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
            new(OciErrorKind.ConnectionClosed, $"The connection to {Connection.Endpoint} is closed.", target ?? Connection.Endpoint, innerException: inner);
    }
}
