using System.Collections;
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

        /// <summary>
        /// A copy of -Parameters in which every <see cref="PSCredential"/> value (e.g. <c>@{ credential = $cred }</c> for
        /// PULL) is an <see cref="OciRegistryCredential"/>, which is what drivers read; other values are left alone.
        /// </summary>
        public static IDictionary? ConvertParameters(IDictionary? parameters)
        {
            if (parameters is null) return null;
            System.Collections.Specialized.OrderedDictionary? copy = null;
            foreach (DictionaryEntry e in parameters)
            {
                var value = e.Value is PSObject pso ? pso.BaseObject : e.Value;
                if (value is not PSCredential credential) continue;
                copy ??= Copy(parameters);
                copy[e.Key] = From(credential);
            }
            return copy ?? parameters;
        }

        private static System.Collections.Specialized.OrderedDictionary Copy(IDictionary parameters)
        {
            // Every key as it is (the request itself refuses names given twice), in the caller's order.
            var copy = new System.Collections.Specialized.OrderedDictionary();
            foreach (DictionaryEntry e in parameters) copy[e.Key] = e.Value;
            return copy;
        }
    }
}
