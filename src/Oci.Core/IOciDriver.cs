using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// A driver connects to one kind of engine and maps (kind, method) pairs to handlers, like a Go
    /// <c>database/sql</c> driver whose requests are served <c>net/http</c>-style. Derive from
    /// <see cref="OciDriver{TConnection}"/> rather than implementing this directly: it does the dispatch, the
    /// parameter binding and the error mapping once, around every handler.
    /// </summary>
    public interface IOciDriver
    {
        /// <summary>The name the driver is registered under (e.g. <c>docker</c>).</summary>
        string Name { get; }

        /// <summary>How engines this driver serves are reached and identified.</summary>
        IOciProbe Probe { get; }

        /// <summary>How well this driver serves the engine that answered: 0 = not at all; of several drivers the highest wins.</summary>
        int Serves(OciProbeResult answer);

        /// <summary>Connects to the engine that answered <paramref name="answer"/>, taking over what the probe opened.</summary>
        Task<IOciConnection> ConnectAsync(OciProbeResult answer, CancellationToken cancellationToken);

        /// <summary>The handler for <paramref name="method"/> on <paramref name="kind"/>, or null when this driver does not serve that pair.</summary>
        IOciHandler? Handler(OciKind kind, string method);

        /// <summary>The methods this driver serves for <paramref name="kind"/>, sorted.</summary>
        IReadOnlyList<string> Methods(OciKind kind);
    }
}
