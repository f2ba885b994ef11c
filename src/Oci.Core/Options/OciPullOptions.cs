using Oci.Credentials;

namespace Oci
{
    /// <summary>Options of PULL (parameters <c>platform</c>, <c>credential</c>, <c>allowUnencryptedAuthentication</c>).</summary>
    public sealed class OciPullOptions : IOciRegistryAuthOptions
    {
        /// <summary>The platform to pull, <c>os[/arch[/variant]]</c> (e.g. <c>linux/amd64</c>); null = the engine's own.</summary>
        public string? Platform { get; set; }

        /// <summary>
        /// Registry credentials for this pull. When null they are resolved as the docker CLI does: <c>credHelpers</c>,
        /// <c>credsStore</c>, then <c>auths</c> in the docker config, then Podman's <c>auth.json</c>.
        /// </summary>
        public OciRegistryCredential? Credential { get; set; }

        /// <summary>Allows sending credentials to a plain-text, non-loopback <c>tcp://</c> engine (off by default).</summary>
        public bool AllowUnencryptedAuthentication { get; set; }
    }
}
