using Oci.Credentials;

namespace Oci
{
    /// <summary>Options of PUSH (parameters <c>credential</c>, <c>allowUnencryptedAuthentication</c>); the target is the reference to push.</summary>
    public sealed class OciImagePushOptions : IOciRegistryAuthOptions
    {
        /// <summary>Registry credentials for this push; null = resolved as for PULL (credHelpers, credsStore, auths, Podman's auth.json).</summary>
        public OciRegistryCredential? Credential { get; set; }

        /// <summary>Allows sending credentials to a plain-text, non-loopback <c>tcp://</c> engine (off by default).</summary>
        public bool AllowUnencryptedAuthentication { get; set; }
    }
}
