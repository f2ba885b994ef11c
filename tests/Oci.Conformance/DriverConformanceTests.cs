using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    /// <summary>
    /// The driver conformance suite: what every Oci driver does, whatever its engine. Derive a class from it in an
    /// xunit test project, say which driver, endpoint and images to use, and every test here runs against your
    /// engine. Each test connects its own <see cref="Client"/> and disposes it afterwards.
    /// </summary>
    /// <remarks>
    /// Tests of one derived class run one after another (xunit runs a class as one collection); the suite removes
    /// and re-pulls the images it is given, so do not run two derived classes against the same engine store at
    /// once: put them in one <see cref="CollectionAttribute"/>. A test bed that is not running makes every test fail
    /// with the connect error; nothing is skipped.
    /// </remarks>
    public abstract partial class DriverConformanceTests : IAsyncLifetime
    {
        private OciClient? _client;

        /// <summary>The driver under test.</summary>
        protected abstract IOciDriver Driver { get; }

        /// <summary>The endpoint of a running engine the driver serves.</summary>
        protected abstract string Endpoint { get; }

        /// <summary>The images and registries the suite pulls from.</summary>
        protected abstract ConformanceImages Images { get; }

        /// <summary>The engine product the connection must report (<c>Docker</c>, <c>Podman</c>), or null to accept any non-empty name.</summary>
        protected virtual string? ExpectedEngine => null;

        /// <summary>The endpoint as the connection must report it once normalised; by default <see cref="Endpoint"/> itself.</summary>
        protected virtual string ExpectedEndpoint => Endpoint;

        /// <summary>
        /// An endpoint of the kind the driver takes where no engine answers. By default a socket path that does not exist,
        /// or a closed loopback port (for <c>ssh://</c>: the same user at a closed loopback port).
        /// </summary>
        protected virtual string DeadEndpoint =>
            Endpoint.StartsWith("unix://", StringComparison.OrdinalIgnoreCase)
                ? $"unix:///tmp/oci-conformance-{Guid.NewGuid():N}.sock"
                : Endpoint.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)
                    ? "ssh://" + (OciEndpoint.Parse(Endpoint).User is { } user ? user + "@" : string.Empty) + "127.0.0.1:" + ClosedPort()
                    : "tcp://127.0.0.1:" + ClosedPort();

        /// <summary>
        /// How every client of the suite connects beyond the endpoint (TLS material, ssh key and known_hosts, ...); null =
        /// the defaults (<see cref="OciClient.ConnectAsync(IOciDriver, string, CancellationToken)"/>).
        /// </summary>
        protected virtual OciConnectOptions? ConnectOptions => null;

        /// <summary>The longest any single pull in the suite may take before the test fails (a hang is a failure, not a wait).</summary>
        protected virtual TimeSpan PullTimeout => TimeSpan.FromMinutes(3);

        /// <summary>
        /// True when the engine always reports a layer's bytes while it downloads (dockerd does). Engines that sample
        /// progress on a timer (Podman) may report a fast layer only as started and complete; they still must report
        /// the layer and complete it, and any byte counts they do send must add up.
        /// </summary>
        protected virtual bool ReportsDownloadBytesAlways => true;

        /// <summary>
        /// True when a pull answers whether it downloaded anything (<c>Downloaded newer image</c> or <c>Image is up to
        /// date</c>). A driver serving an engine whose pull stream does not say (the docker driver on Podman's compatible
        /// API) answers <c>Pulled</c> instead of guessing.
        /// </summary>
        protected virtual bool ReportsPullOutcome => true;

        /// <summary>Asserts a pull's status says <paramref name="expected"/> (or, for a driver that cannot tell, <c>Pulled</c>).</summary>
        protected void AssertPullOutcome(string expected, OciResponse response) =>
            Assert.Equal(ReportsPullOutcome ? expected : "Pulled", response.Status);

        /// <summary>Makes the containers some tests need as props (see <see cref="CreateContainers"/>); disposed after each test.</summary>
        protected ConformanceContainers Containers => _containers ??= CreateContainers();

        /// <summary>The maker of props: the Docker API at <see cref="Endpoint"/> by default; override for an engine reached otherwise.</summary>
        protected virtual ConformanceContainers CreateContainers() => new(Endpoint);

        private ConformanceContainers? _containers;

        /// <summary>
        /// The (kind, method) pairs every driver serves: images end to end, registries, volumes, networks, the engine's
        /// events and disk use.
        /// </summary>
        public static IReadOnlyList<(OciKind Kind, string Method)> StandardPairs { get; } = new[]
        {
            (OciKind.Engine, OciMethods.Ping), (OciKind.Engine, OciMethods.Version), (OciKind.Engine, OciMethods.Info),
            (OciKind.Engine, OciMethods.Events), (OciKind.Engine, OciMethods.DiskUsage),
            (OciKind.Image, OciMethods.Pull), (OciKind.Image, OciMethods.List), (OciKind.Image, OciMethods.Inspect), (OciKind.Image, OciMethods.Tag),
            (OciKind.Image, OciMethods.Remove), (OciKind.Image, OciMethods.Push), (OciKind.Image, OciMethods.History), (OciKind.Image, OciMethods.Prune),
            (OciKind.Image, OciMethods.Save), (OciKind.Image, OciMethods.Load),
            (OciKind.Registry, OciMethods.Login), (OciKind.Registry, OciMethods.Logout),
            (OciKind.Volume, OciMethods.List), (OciKind.Volume, OciMethods.Inspect), (OciKind.Volume, OciMethods.Create), (OciKind.Volume, OciMethods.Remove), (OciKind.Volume, OciMethods.Prune),
            (OciKind.Network, OciMethods.List), (OciKind.Network, OciMethods.Inspect), (OciKind.Network, OciMethods.Create), (OciKind.Network, OciMethods.Remove), (OciKind.Network, OciMethods.Prune),
            // Containers.
            (OciKind.Container, OciMethods.Create), (OciKind.Container, OciMethods.Start), (OciKind.Container, OciMethods.Stop), (OciKind.Container, OciMethods.Kill),
            (OciKind.Container, OciMethods.Restart), (OciKind.Container, OciMethods.Pause), (OciKind.Container, OciMethods.Unpause), (OciKind.Container, OciMethods.Remove),
            (OciKind.Container, OciMethods.Wait), (OciKind.Container, OciMethods.List), (OciKind.Container, OciMethods.Inspect), (OciKind.Container, OciMethods.State),
            (OciKind.Container, OciMethods.Logs), (OciKind.Container, OciMethods.Exec), (OciKind.Container, OciMethods.Run), (OciKind.Container, OciMethods.Copy),
            (OciKind.Container, OciMethods.Stats),
            // issue 14
            (OciKind.Container, OciMethods.ExecSession),
        };

        /// <summary>The client connected for the current test.</summary>
        protected OciClient Client => _client ?? throw new InvalidOperationException("The conformance test has no client: InitializeAsync did not run or failed.");

        public virtual async Task InitializeAsync()
        {
            Images.Validate();
            _client = await ConnectAsync().ConfigureAwait(false);
        }

        public virtual async Task DisposeAsync()
        {
            if (_client is not null) await _client.DisposeAsync().ConfigureAwait(false);
            _containers?.Dispose();
        }

        /// <summary>A new client through <see cref="Driver"/> to <paramref name="endpoint"/> (default <see cref="Endpoint"/>); a failure says what to start.</summary>
        protected async Task<OciClient> ConnectAsync(string? endpoint = null)
        {
            endpoint ??= Endpoint;
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                return await OciClient.ConnectAsync(Driver, endpoint, ConnectOptions, cts.Token).ConfigureAwait(false);
            }
            catch (OciException e)
            {
                throw new InvalidOperationException(
                    $"Conformance: the '{Driver.Name}' driver cannot connect to the engine at '{endpoint}' ({e.Kind}: {e.Message}). " +
                    "The suite needs that engine running (for Oci's own test bed: bash eng/engines.sh up).", e);
            }
        }

        /// <summary>Runs <paramref name="method"/> on <paramref name="target"/> (kind IMAGE) with <paramref name="parameters"/>.</summary>
        protected Task<OciResponse> RunAsync(string method, string? target, params (string Name, object? Value)[] parameters) =>
            Client.ExecuteAsync(new OciRequest(method, OciKind.Image, target, parameters.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))));

        /// <summary>A pull bounded by <see cref="PullTimeout"/>: a hang fails the test instead of stalling the run.</summary>
        protected async Task<OciResponse> PullAsync(string reference, IProgress<OciProgress>? progress = null, OciClient? client = null)
        {
            using var guard = new CancellationTokenSource(PullTimeout);
            try
            {
                return await (client ?? Client).PullAsync(reference, null, progress, guard.Token).ConfigureAwait(false);
            }
            catch (OciException e) when (e.Kind == OciErrorKind.Cancelled && guard.IsCancellationRequested)
            {
                throw new TimeoutException($"Pulling '{reference}' did not finish within {PullTimeout}.", e);
            }
        }

        /// <summary>
        /// Removes the image <paramref name="reference"/> names, with every tag it has (by id, forced), so the next pull
        /// really downloads it. Nothing to remove is fine.
        /// </summary>
        protected async Task RemoveImageAsync(string reference)
        {
            string id;
            try
            {
                id = ((OciImage)(await RunAsync(OciMethods.Inspect, reference).ConfigureAwait(false)).Data!).Id;
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
                return;
            }
            try
            {
                await RunAsync(OciMethods.Remove, id, ("force", true)).ConfigureAwait(false);
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
        }

        /// <summary>Asserts that <paramref name="call"/> fails with an <see cref="OciException"/> of <paramref name="kind"/> (naming <paramref name="target"/> when given) and returns it.</summary>
        protected static async Task<OciException> FailsAsync(OciErrorKind kind, Func<Task> call, string? target = null)
        {
            var e = await Assert.ThrowsAsync<OciException>(call).ConfigureAwait(false);
            ConformanceAssert.IsError(e, kind, target);
            return e;
        }

        /// <summary>A loopback port nothing listens on: one the system just handed out and took back.</summary>
        private static int ClosedPort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        // ------------------------------------------------------------------------------------------------
        // Connect and identity
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public void Connect_reports_the_driver_engine_version_and_endpoint()
        {
            var c = Client.Connection;
            Assert.Equal(Driver.Name, c.Driver);
            Assert.Same(Driver, Client.Driver);
            if (ExpectedEngine is not null) Assert.Equal(ExpectedEngine, c.Engine);
            Assert.False(string.IsNullOrWhiteSpace(c.Engine), "the connection names the engine product");
            Assert.False(string.IsNullOrWhiteSpace(c.EngineVersion), "the connection knows the engine's version");
            Assert.False(string.IsNullOrWhiteSpace(c.ApiVersion), "the connection knows the API version it speaks");
            Assert.Equal(ExpectedEndpoint, c.Endpoint.ToString());
            Assert.True(c.IsConnected);
            Assert.True(Client.IsConnected);
        }

        [Fact]
        public async Task Connecting_where_no_engine_answers_is_EngineUnavailable_naming_the_endpoint()
        {
            var dead = DeadEndpoint;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var e = await FailsAsync(OciErrorKind.EngineUnavailable, () => OciClient.ConnectAsync(Driver, dead, ConnectOptions));
            Assert.Equal(dead, e.Target);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"a dead endpoint should fail fast, took {watch.Elapsed}");
        }

        [Fact]
        public async Task Connecting_with_a_cancelled_token_is_Cancelled()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            await FailsAsync(OciErrorKind.Cancelled, () => OciClient.ConnectAsync(Driver, Endpoint, ConnectOptions, cts.Token));
        }

        [Fact]
        public void The_driver_serves_every_standard_method_for_its_kind()
        {
            foreach (var (kind, method) in StandardPairs)
            {
                Assert.True(Client.Supports(kind, method), $"the {Driver.Name} driver has no handler for {method} {kind}");
                Assert.NotNull(Driver.Handler(kind, method));
                Assert.Contains(method, Driver.Methods(kind));
            }
        }

        [Fact]
        public async Task An_unknown_method_is_Unsupported()
        {
            Assert.False(Client.Supports(OciKind.Image, "OCI_CONFORMANCE_NO_SUCH_METHOD"));
            await FailsAsync(OciErrorKind.Unsupported, () => Client.ExecuteAsync(new OciRequest("OCI_CONFORMANCE_NO_SUCH_METHOD", OciKind.Image, Images.Small)));
            // The client is still usable afterwards.
            Assert.Equal("OK", (await Client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Status);
        }

        [Fact]
        public async Task A_method_is_Unsupported_for_a_kind_the_driver_does_not_serve_it_for()
        {
            var unserved = Enum.GetValues(typeof(OciKind)).Cast<OciKind>()
                .SelectMany(kind => OciMethods.All.Select(method => (Kind: kind, Method: method)))
                .Where(p => Driver.Handler(p.Kind, p.Method) is null && Driver.Methods(OciMethods.DefaultKind(p.Method)).Contains(p.Method))
                .ToList();
            Assert.NotEmpty(unserved); // PULL of a container, at least, is served by no driver
            foreach (var (kind, method) in unserved)
            {
                Assert.False(Client.Supports(kind, method));
                var e = await FailsAsync(OciErrorKind.Unsupported, () => Client.ExecuteAsync(new OciRequest(method, kind, "x")));
                Assert.Contains(method + " " + kind.ToString().ToUpperInvariant(), e.Message);
                foreach (var served in Driver.Methods(kind)) Assert.Contains(served, e.Message);
            }
        }

        // ------------------------------------------------------------------------------------------------
        // PING, VERSION, INFO
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Ping_answers_with_an_OciPing_stamped_with_engine_and_endpoint()
        {
            var response = await Client.ExecuteAsync(new OciRequest(OciMethods.Ping));
            Assert.Equal((OciMethods.Ping, OciKind.Engine, "OK"), (response.Method, response.Kind, response.Status));
            Assert.Equal((Client.Connection.Engine, Client.Connection.Endpoint.ToString()), (response.Engine, response.Endpoint));
            Assert.True(response.Duration > TimeSpan.Zero, "the client stamps how long the request took");
            Assert.NotNull(response.Warnings);
            var ping = Assert.IsType<OciPing>(response.Data);
            Assert.Equal(Client.Connection.Engine, ping.Engine);
            Assert.False(string.IsNullOrWhiteSpace(ping.ApiVersion));
            Assert.True(ping.RoundTripMilliseconds >= 0);
        }

        [Fact]
        public async Task Version_answers_with_an_OciEngineVersion_matching_the_connection()
        {
            var response = await Client.ExecuteAsync(new OciRequest(OciMethods.Version));
            Assert.Equal((OciMethods.Version, OciKind.Engine), (response.Method, response.Kind));
            var v = Assert.IsType<OciEngineVersion>(response.Data);
            Assert.Equal(Client.Connection.Engine, v.Engine);
            Assert.Equal(Client.Connection.EngineVersion, v.Version);
            Assert.False(string.IsNullOrWhiteSpace(v.ApiVersion));
            Assert.False(string.IsNullOrWhiteSpace(v.Os));
            Assert.False(string.IsNullOrWhiteSpace(v.Architecture));
        }

        [Fact]
        public async Task Info_answers_with_an_OciEngineInfo()
        {
            var response = await Client.ExecuteAsync(new OciRequest(OciMethods.Info));
            Assert.Equal((OciMethods.Info, OciKind.Engine), (response.Method, response.Kind));
            var info = Assert.IsType<OciEngineInfo>(response.Data);
            Assert.Equal(Client.Connection.Engine, info.Engine);
            Assert.True(info.Cpus > 0, "INFO reports the CPUs");
            Assert.True(info.MemoryBytes > 0, "INFO reports the memory");
            Assert.False(string.IsNullOrWhiteSpace(info.OsType));
            Assert.False(string.IsNullOrWhiteSpace(info.ServerVersion));
            Assert.True(info.Images >= 0 && info.Containers >= 0 && info.ContainersRunning >= 0);
        }

        [Fact]
        public async Task Unknown_parameters_are_refused_with_InvalidArgument()
        {
            await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(new OciRequest(OciMethods.Ping, OciKind.Engine, null, new Dictionary<string, object?> { ["oci-conformance"] = 1 })));
            await FailsAsync(OciErrorKind.InvalidArgument, () => RunAsync(OciMethods.Pull, Images.Small, ("oci-conformance", "x")));
            await FailsAsync(OciErrorKind.InvalidArgument, () => RunAsync(OciMethods.Inspect, Images.Small, ("oci-conformance", "x")));
        }

        // ------------------------------------------------------------------------------------------------
        // The client over the driver: concurrency and disposal
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Thirty_two_concurrent_requests_and_pulls_through_one_client()
        {
            await RemoveImageAsync(Images.Layers);
            var client = Client;
            var work = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            {
                switch (i % 4)
                {
                    case 0: return (await PullAsync(Images.Small)).Target;
                    case 1: return (await PullAsync(Images.Layers)).Target;
                    case 2: return (await client.ExecuteAsync(new OciRequest(OciMethods.Version))).Method;
                    default: return (await client.ExecuteAsync(new OciRequest(OciMethods.Ping))).Method;
                }
            })).ToArray();
            var results = await Task.WhenAll(work);
            var small = ImageReference.Parse(Images.Small).ToString();
            var layers = ImageReference.Parse(Images.Layers).ToString();
            Assert.Equal(8, results.Count(r => r == small));
            Assert.Equal(8, results.Count(r => r == layers));
            Assert.Equal(8, results.Count(r => r == OciMethods.Version));
            Assert.Equal(8, results.Count(r => r == OciMethods.Ping));
            Assert.True(client.IsConnected);
        }

        [Fact]
        public async Task Disposing_the_client_during_a_pull_is_ConnectionClosed()
        {
            await RemoveImageAsync(Images.Big);
            var client = await ConnectAsync();
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pull = PullAsync(Images.Big, new RecordingProgress(p => { if (p.LayerId is not null) started.TrySetResult(); }), client);
            await Task.WhenAny(started.Task, pull).WaitAsync(PullTimeout);
            Assert.False(pull.IsCompleted, "the pull ended before any layer was reported; Images.Big must be big enough to be disposed midway");
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            var e = await Assert.ThrowsAsync<OciException>(() => pull);
            ConformanceAssert.IsError(e, OciErrorKind.ConnectionClosed);
            Assert.False(client.IsConnected);
            Assert.False(client.Connection.IsConnected);
            await FailsAsync(OciErrorKind.ConnectionClosed, () => client.ExecuteAsync(new OciRequest(OciMethods.Ping)));
        }
    }
}
