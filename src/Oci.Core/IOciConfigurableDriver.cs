using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>A driver that also takes <see cref="OciConnectOptions"/> (TLS) when connecting. Optional for adapters.</summary>
    public interface IOciConfigurableDriver : IOciDriver
    {
        Task<IOciConnection> ConnectAsync(string endpoint, OciConnectOptions options, CancellationToken cancellationToken);
    }
}
