using System;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;
using Oci.Drivers.Docker;
using Oci.Transport;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// LOGIN and LOGOUT as <c>podman login</c>: the credential goes to Podman's auth file. Podman's <c>/auth</c> speaks
    /// only HTTPS to a registry (it ignores registries.conf's <c>insecure</c>), so when it reports that a registry answered
    /// in plain HTTP and the engine runs on this machine, the credential is checked from here over HTTP instead, as the
    /// podman CLI itself checks it.
    /// </summary>
    internal static class PodmanLoginHandlers
    {
        public static Task<OciResponse> LoginAsync(PodmanConnection c, OciRequest request, OciRegistryLoginOptions options, CancellationToken cancellationToken) =>
            DockerLoginHandlers.LoginAsync(c, request, options, PodmanAuthFileLoginStore.Instance, CheckAsync, cancellationToken);

        public static Task<OciResponse> LogoutAsync(PodmanConnection c, OciRequest request, OciRegistryLogoutOptions options, CancellationToken cancellationToken) =>
            DockerLoginHandlers.LogoutAsync(request, options, PodmanAuthFileLoginStore.Instance, cancellationToken);

        private static async Task<OciRegistryCredential> CheckAsync(PodmanConnection c, string server, OciRegistryCredential credential, CancellationToken cancellationToken)
        {
            try
            {
                return await DockerLoginHandlers.CheckWithEngineAsync(c, server, credential, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineResponseException e) when (OnThisMachine(c.Endpoint) && (e.Body ?? string.Empty).IndexOf("server gave HTTP response to HTTPS client", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                await RegistryCheck.CheckAsync(server, plainHttp: true, credential, cancellationToken).ConfigureAwait(false);
                return credential;
            }
        }

        /// <summary>True when the engine sees registries as this machine does: a local socket, loopback TCP, or ssh to loopback.</summary>
        private static bool OnThisMachine(OciEndpoint endpoint) =>
            endpoint.IsLocal || (endpoint.IsSsh && endpoint.Host is { } h
                && (string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(h, out var ip) && System.Net.IPAddress.IsLoopback(ip))));
    }
}
