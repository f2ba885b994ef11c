using Oci.Credentials;

namespace Oci
{
    /// <summary>
    /// Options of LOGIN (parameters <c>credential</c>, <c>allowUnencryptedAuthentication</c>, <c>configPath</c>); the target is
    /// the registry (<c>host[:port]</c>; <c>docker.io</c> for Docker Hub). The engine checks the credential with the
    /// registry, then it is stored as <c>docker login</c> (docker driver) or <c>podman login</c> (podman driver) stores it.
    /// </summary>
    public sealed class OciRegistryLoginOptions : IOciRegistryAuthOptions
    {
        /// <summary>The credential to check and store; null = the one already stored (checked again).</summary>
        public OciRegistryCredential? Credential { get; set; }

        /// <summary>Allows sending credentials to a plain-text, non-loopback <c>tcp://</c> engine (off by default).</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>
        /// Where to store instead of the default: the docker config directory (as <c>docker --config</c>; default
        /// <c>DOCKER_CONFIG</c> or <c>~/.docker</c>) for the docker driver, the auth file (as <c>podman login --authfile</c>;
        /// default <c>REGISTRY_AUTH_FILE</c>, else <c>$XDG_RUNTIME_DIR/containers/auth.json</c>) for the podman driver.
        /// </summary>
        public string? ConfigPath { get; set; }
    }

    /// <summary>Options of LOGOUT (parameter <c>configPath</c>, as for <see cref="OciRegistryLoginOptions.ConfigPath"/>); the target is the registry.</summary>
    public sealed class OciRegistryLogoutOptions
    {
        /// <summary>Where the credential is stored, when not the default (see <see cref="OciRegistryLoginOptions.ConfigPath"/>).</summary>
        public string? ConfigPath { get; set; }
    }
}
