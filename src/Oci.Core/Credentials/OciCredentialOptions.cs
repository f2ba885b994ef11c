using System;

namespace Oci.Credentials
{
    /// <summary>Options of <see cref="OciCredentialResolver.ResolveAsync"/>.</summary>
    public sealed class OciCredentialOptions
    {
        /// <summary>The default <see cref="HelperTimeout"/>: 30 seconds (a helper may wait on a keyring unlock).</summary>
        public static readonly TimeSpan DefaultHelperTimeout = TimeSpan.FromSeconds(30);

        private TimeSpan _helperTimeout = DefaultHelperTimeout;

        /// <summary>An explicit credential (<c>-Credential</c>); when set nothing else is consulted.</summary>
        public OciRegistryCredential? Credential { get; set; }

        /// <summary>Where variables (DOCKER_CONFIG, REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR, PATH, ...) and files are read from; null = the process.</summary>
        public OciEnvironment? Environment { get; set; }

        /// <summary>How long a <c>docker-credential-*</c> helper may run before it is killed. Default 30 s.</summary>
        public TimeSpan HelperTimeout
        {
            get => _helperTimeout;
            set => _helperTimeout = OciLimits.CheckTimeout(value, "helper timeout");
        }
    }
}
