using System.Threading;
using System.Threading.Tasks;

namespace Oci.Credentials
{
    /// <summary>
    /// The core's half of registry authentication, run around every handler whose options ask for it: find the
    /// credential for the target's registry (the caller's, else docker's and podman's configuration) and check the
    /// connection may carry it. Drivers only encode what this puts on the request.
    /// </summary>
    internal static class RegistryAuth
    {
        public static async Task<OciRequest> ResolveAsync(OciRequest request, IOciConnection connection, IOciRegistryAuthOptions auth, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.Target)) return request; // the handler says what is missing
            var registry = request.Kind == OciKind.Image ? ImageReference.Parse(request.Target!).Domain : request.Target!.Trim();
            var credential = await OciCredentialResolver.ResolveAsync(registry, new OciCredentialOptions { Credential = auth.Credential }, cancellationToken).ConfigureAwait(false);
            if (credential is null) return request;
            RegistryAuthHeader.EnsureSecureTransport(connection, auth.AllowUnencryptedAuthentication);
            return request.WithContext(connection, request.Progress, credential);
        }
    }
}
