using System;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>A custom adapter built the way third parties would: a table of handlers over an in-memory "engine".</summary>
    internal sealed class MemoryDriver : OciDriver
    {
        public MemoryDriver(string name = "memory")
        {
            Name = name;
            Handle(OciMethods.Ping, (req, ct) => Task.FromResult(OciResponse.For(req, "pong")));
            Handle("ECHO", (req, ct) => Task.FromResult(OciResponse.For(req, req.Parameters)));
            Handle("SLOW", async (req, ct) =>
            {
                Interlocked.Increment(ref SlowStarted);
                await Task.Delay(Timeout.Infinite, ct);
                return OciResponse.For(req, null);
            });
            Handle("WHOAMI", (req, ct) => Task.FromResult(OciResponse.For(req, req.Connection)));
            Handle("COUNT", async (req, ct) =>
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

        public override string Name { get; }

        public override Task<IOciConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken) =>
            Task.FromResult<IOciConnection>(new MemoryConnection(endpoint, Name));

        internal sealed class MemoryConnection : IOciConnection
        {
            public MemoryConnection(string endpoint, string driver) { Endpoint = endpoint; Driver = driver; }
            public string Endpoint { get; }
            public string Driver { get; }
            public string Engine => "Memory";
            public string EngineVersion => "1.0";
            public string ApiVersion => "1.0";
            public bool IsConnected { get; private set; } = true;
            public int Disposals;
            public ValueTask DisposeAsync() { Dispose(); return default; }
            public void Dispose() { IsConnected = false; Interlocked.Increment(ref Disposals); }
        }
    }
}
