using System.Management.Automation;
using Oci.Credentials;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// PowerShell credentials into Oci.Core's: a <see cref="PSCredential"/> becomes an <see cref="OciRegistryCredential"/>
    /// (the password goes from its SecureString straight into the credential; it is never formatted or logged).
    /// </summary>
    internal static class RegistryCredentials
    {
        /// <summary>The registry credential for <paramref name="credential"/>; null for none or <see cref="PSCredential.Empty"/>.</summary>
        public static OciRegistryCredential? From(PSCredential? credential)
        {
            if (credential is null || ReferenceEquals(credential, PSCredential.Empty) || string.IsNullOrEmpty(credential.UserName)) return null;
            return new OciRegistryCredential(credential.UserName, credential.Password);
        }
    }
}
