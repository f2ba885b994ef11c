using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// A driver connects to one kind of engine and maps method names to handlers, like a Go
    /// <c>database/sql</c> driver whose requests are served <c>net/http</c>-style.
    /// </summary>
    public interface IOciDriver
    {
        /// <summary>The name the driver is registered under (e.g. <c>docker</c>).</summary>
        string Name { get; }

        /// <summary>Connects to the engine at <paramref name="endpoint"/> and learns what it is.</summary>
        Task<IOciConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken);

        /// <summary>The handler for <paramref name="method"/>, or null when this driver does not support it.</summary>
        IOciHandler? Handler(string method);
    }
}
