using System;
using Oci.Drivers.Docker;

namespace Oci.Drivers.Podman
{
    /// <summary>
    /// The built-in driver for Podman's API service (registered as <c>podman</c>), e.g.
    /// <c>unix:///run/podman/podman.sock</c> or <c>unix://$XDG_RUNTIME_DIR/podman/podman.sock</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// It requires Podman: the engine's <c>/_ping</c> must announce a libpod API (<c>Libpod-Api-Version</c>); any other
    /// engine is refused with <see cref="OciErrorKind.Unsupported"/> (the <c>docker</c> driver serves those, and serves
    /// Podman too, through its Docker-compatible API only).
    /// </para>
    /// <para>
    /// Requests go to Podman's Docker-compatible API where it matches, pinned to the compat API version the ping
    /// announces (<c>Api-Version</c>), with the same handlers as the Docker driver, which know Podman's differences:
    /// its pull stream (no per-layer <c>Pull complete</c>, an in-band error after HTTP 200 for a missing image, no
    /// <c>Digest:</c>/<c>Status:</c> lines), its reference filter, its bare deleted ids. The compat pull is kept because
    /// it reports progress per layer (libpod's pull stream does not). Podman's native libpod API, pinned to the
    /// announced <c>Libpod-Api-Version</c>, serves image inspection (INSPECT, and the image a PULL or TAG answers
    /// with) because it reports the image's own manifest digest.
    /// </para>
    /// <para>
    /// <c>tcp://</c> endpoints (<c>podman system service tcp://...</c> behind a TLS proxy, say) take TLS as the docker
    /// driver's do: <see cref="OciConnectOptions.Tls"/>, else <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c>.
    /// </para>
    /// </remarks>
    public sealed class PodmanDriver : DockerApiDriver
    {
        /// <summary>Used when a ping announces a libpod API version that does not parse (the first libpod v4 API).</summary>
        private const string FallbackLibpodVersion = "4.0.0";

        public override string Name => "podman";

        /// <summary>The libpod API version to pin, or Unsupported when the engine is not Podman.</summary>
        private protected override string? Accept(DockerPing ping, string endpoint)
        {
            if (!ping.IsPodman)
            {
                var what = ping.Server is { Length: > 0 } server ? $"'{server}'" : ping.Engine;
                throw new OciException(OciErrorKind.Unsupported,
                    $"The engine at '{endpoint}' is not Podman: it is {what} (API {ping.ApiVersion ?? "unknown"}) and its ping announced no libpod API. Use the docker driver for it.",
                    endpoint, $"no Libpod-Api-Version header (Server: {ping.Server ?? "none"})");
            }
            return System.Version.TryParse(ping.LibpodApiVersion, out var v) && v.Major >= 1
                ? v.ToString()
                : FallbackLibpodVersion;
        }
    }
}
