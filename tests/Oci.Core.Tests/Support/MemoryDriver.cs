using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;

namespace Oci.Tests.Support
{
    /// <summary>
    /// A custom adapter built the way third parties would: a probe for its own <c>mem://</c> scheme, a connection type of
    /// its own, typed handlers over an in-memory "engine", and one error mapping.
    /// </summary>
    internal sealed class MemoryDriver : OciDriver<MemoryDriver.MemoryConnection>
    {
        public MemoryDriver(string name = "memory")
        {
            Name = name;
            Handle(OciKind.Engine, OciMethods.Ping, (c, req, ct) => Task.FromResult(OciResponse.For(req, "pong")));
            Handle<EchoOptions>(OciKind.Image, "ECHO", (c, req, options, ct) => Task.FromResult(OciResponse.For(req, options)));
            Handle<OciPullOptions>(OciKind.Image, OciMethods.Pull, (c, req, options, ct) => Task.FromResult(OciResponse.For(req, req.RegistryCredential)));
            Handle(OciKind.Image, "SLOW", async (c, req, ct) =>
            {
                Interlocked.Increment(ref SlowStarted);
                await Task.Delay(Timeout.Infinite, ct);
                return OciResponse.For(req, null);
            });
            Handle(OciKind.Image, "WHOAMI", (c, req, ct) => Task.FromResult(OciResponse.For(req, c)));
            Handle(OciKind.Container, "WHOAMI", (c, req, ct) => Task.FromResult(OciResponse.For(req, "container " + req.Target)));
            Handle(OciKind.Image, "THROW", (c, req, ct) => throw new InvalidOperationException("the memory engine broke"));
            HandleStream<TicksOptions, string>(OciKind.Engine, "TICKS", Ticks);
            Handle(OciKind.Image, "COUNT", async (c, req, ct) =>
            {
                for (var i = 0; i < 100; i++)
                {
                    req.Progress?.Report(new OciProgress { Reference = req.Target ?? "", LayerId = "l", Status = "n", Current = i, Total = 100 });
                    if (i % 10 == 0) await Task.Yield();
                }
                return OciResponse.For(req, 100);
            });
        }

        public int SlowStarted;

        /// <summary>Released by tests to let TICKS yield its next item (TICKS waits for it after each one when Gated).</summary>
        public SemaphoreSlim Gate { get; } = new(0);

        public sealed class TicksOptions
        {
            public int Count { get; set; } = 3;
            public bool Gated { get; set; }
            public int FailAfter { get; set; } = -1;
        }

        private async IAsyncEnumerable<string> Ticks(MemoryConnection c, OciRequest req, TicksOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            for (var i = 0; i < options.Count; i++)
            {
                if (i == options.FailAfter) throw new InvalidOperationException("the tick broke");
                yield return "tick " + i;
                if (options.Gated) await Gate.WaitAsync(ct);
                else await Task.Yield();
            }
        }

        public override string Name { get; }

        public override IOciProbe Probe { get; } = new MemoryProbe();

        public override int Serves(OciProbeResult answer) => answer is MemoryAnswer ? 1 : 0;

        protected override Task<MemoryConnection> ConnectAsync(OciProbeResult answer, CancellationToken cancellationToken) =>
            Task.FromResult(new MemoryConnection(answer.Endpoint, Name));

        protected override OciException MapError(Exception error, OciRequest request, MemoryConnection connection) =>
            new(OciErrorKind.EngineError, "memory engine: " + error.Message, request.Target, error.Message, innerException: error);

        /// <summary>The options of ECHO: every shape the binder handles.</summary>
        public sealed class EchoOptions
        {
            public string? Text { get; set; }
            public int Count { get; set; }
            public bool Flag { get; set; }
            public OciKind Kind { get; set; }
            public TimeSpan Wait { get; set; }
            public DateTimeOffset? Since { get; set; }
            public IReadOnlyList<string>? Items { get; set; }
            public long[]? Numbers { get; set; }
            public IReadOnlyDictionary<string, string>? Labels { get; set; }
            public EchoInner? Inner { get; set; }
            public IReadOnlyList<EchoInner>? Inners { get; set; }
            public OciRegistryCredential? Credential { get; set; }
            public string? ApiToken { get; set; }
        }

        public sealed class EchoInner
        {
            public string? Name { get; set; }
            public int Size { get; set; }
            public EchoInner? Inner { get; set; }
        }

        internal sealed class MemoryProbe : IOciProbe
        {
            public bool CanProbe(OciEndpoint endpoint) => endpoint.Scheme == "mem";

            public Task<OciProbeResult> ProbeAsync(OciEndpoint endpoint, OciConnectOptions options, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult<OciProbeResult>(new MemoryAnswer(this, endpoint, options));
            }
        }

        internal sealed class MemoryAnswer : OciProbeResult
        {
            public MemoryAnswer(IOciProbe probe, OciEndpoint endpoint, OciConnectOptions options) : base(probe, endpoint, options) { }
            public override string Engine => "Memory";
            public override string EngineVersion => "1.0";
            public override string ApiVersion => "1.0";
            public override bool IsEncrypted => false;
            public override IReadOnlyDictionary<string, string> Properties { get; } = new Dictionary<string, string>();
            public bool Disposed { get; private set; }
            public override void Dispose() => Disposed = true;
        }

        internal sealed class MemoryConnection : IOciConnection
        {
            public MemoryConnection(OciEndpoint endpoint, string driver, bool encrypted = false) { Endpoint = endpoint; Driver = driver; IsEncrypted = encrypted; }
            public OciEndpoint Endpoint { get; }
            public string Driver { get; }
            public string Engine => "Memory";
            public string EngineVersion => "1.0";
            public string ApiVersion => "1.0";
            public bool IsEncrypted { get; }
            public bool IsConnected { get; private set; } = true;
            public int Disposals;
            public ValueTask DisposeAsync() { Dispose(); return default; }
            public void Dispose() { IsConnected = false; Interlocked.Increment(ref Disposals); }
        }
    }
}
