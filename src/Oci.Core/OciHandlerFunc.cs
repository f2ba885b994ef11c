using System;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// Adapts a delegate to <see cref="IOciHandler"/> (Go's <c>http.HandlerFunc</c>), so a driver can be a
    /// table of <c>method → function</c>.
    /// </summary>
    public sealed class OciHandlerFunc : IOciHandler
    {
        private readonly Func<OciRequest, CancellationToken, Task<OciResponse>> _serve;

        public OciHandlerFunc(Func<OciRequest, CancellationToken, Task<OciResponse>> serve) =>
            _serve = serve ?? throw new ArgumentNullException(nameof(serve));

        public Task<OciResponse> ServeAsync(OciRequest request, CancellationToken cancellationToken) => _serve(request, cancellationToken);

        public static implicit operator OciHandlerFunc(Func<OciRequest, CancellationToken, Task<OciResponse>> serve) => new(serve);
    }
}
