using Oci.Credentials;

namespace Oci
{
    /// <summary>
    /// Options of a method that talks to a registry (PULL, ...). <see cref="OciClient"/> resolves the credential before
    /// the driver runs — the caller's, else the one docker's or podman's configuration holds for the target's registry —
    /// and refuses to send it over a plain-text, non-local connection unless allowed; the driver finds it in
    /// <see cref="OciRequest.RegistryCredential"/> and only encodes it.
    /// </summary>
    public interface IOciRegistryAuthOptions
    {
        /// <summary>An explicit credential; null = resolved from the configuration.</summary>
        OciRegistryCredential? Credential { get; }

        /// <summary>True to allow credentials over a plain-text, non-loopback <c>tcp://</c> engine.</summary>
        bool AllowUnencryptedAuthentication { get; }
    }
}
