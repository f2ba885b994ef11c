using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>Serves one method. The connection and progress sink travel on the request (see <see cref="OciRequest.Connection"/>).</summary>
    public interface IOciHandler
    {
        Task<OciResponse> ServeAsync(OciRequest request, CancellationToken cancellationToken);
    }
}
