using System;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Utilities.IO.Pem;

namespace Oci.Tls
{
    /// <summary>
    /// Loads a client certificate and its private key from PEM files (<c>cert.pem</c>, <c>key.pem</c>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The net8.0 build uses <c>X509Certificate2.CreateFromPem</c>. The netstandard2.0 build (which PowerShell loads,
    /// on .NET Framework and on .NET 8+ alike) looks for <c>X509Certificate2.CreateFromPemFile</c> by reflection and
    /// uses it when the runtime has it (.NET 5+); on .NET Framework, which has no PEM import, BouncyCastle reads the key
    /// (<see cref="LibraryKey"/>) and <c>CopyWithPrivateKey</c> (.NET Framework 4.7.2+, also found by reflection) attaches it.
    /// </para>
    /// <para>Both files are read first, so a missing or unreadable file is an InvalidArgument naming it. No message carries key material.</para>
    /// </remarks>
    internal static class ClientCertificateLoader
    {
        /// <summary>How the key is attached; tests pin each path (all of them run on .NET 8+).</summary>
        internal enum Strategy
        {
            /// <summary>The best the runtime offers: the PEM API, else reflection, else the library.</summary>
            Auto,
            /// <summary><c>X509Certificate2.CreateFromPemFile</c> found by reflection, as the netstandard2.0 build does on .NET 5+.</summary>
            Reflection,
            /// <summary>BouncyCastle's key reader and <c>CopyWithPrivateKey</c>, as on .NET Framework.</summary>
            Library,
        }

        private static readonly MethodInfo? CreateFromPemFile = typeof(X509Certificate2).GetMethod(
            "CreateFromPemFile", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null);

        /// <summary>True when the runtime has <c>X509Certificate2.CreateFromPemFile</c> (.NET 5+).</summary>
        internal static bool RuntimeHasPemApi => CreateFromPemFile is not null;

        public static X509Certificate2 Load(string certPath, string keyPath, Strategy strategy = Strategy.Auto)
        {
            var certBlocks = PemFile.Read(certPath, "client certificate");
            var certBlock = certBlocks.FirstOrDefault(b => b.Type == "CERTIFICATE")
                ?? throw new OciException(OciErrorKind.InvalidArgument, $"The client certificate '{certPath}' holds no PEM CERTIFICATE block.", certPath);
            var keyBlocks = PemFile.Read(keyPath, "client key");
            var keyBlock = keyBlocks.FirstOrDefault(b => b.Type is "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "PRIVATE KEY" or "ENCRYPTED PRIVATE KEY")
                ?? throw new OciException(OciErrorKind.InvalidArgument,
                    $"The client key '{keyPath}' holds no PEM private key (RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY block)"
                    + (keyBlocks.Any(b => b.Type == "CERTIFICATE") ? "; it looks like a certificate: is it cert.pem?" : "."),
                    keyPath);
            if (keyBlock.IsEncrypted())
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"The client key '{keyPath}' is encrypted with a passphrase, which Oci (like docker) cannot use. Decrypt it: openssl pkey -in key.pem -out key.pem.",
                    keyPath);

            X509Certificate2 loaded;
            if (strategy == Strategy.Library || (strategy == Strategy.Auto && !RuntimeHasPemApi))
            {
                loaded = FromLibrary(certBlock, keyBlock, certPath, keyPath);
            }
            else
            {
                try
                {
#if NET5_0_OR_GREATER
                    loaded = strategy == Strategy.Reflection ? ByReflection(certPath, keyPath) : X509Certificate2.CreateFromPemFile(certPath, keyPath);
#else
                    loaded = ByReflection(certPath, keyPath);
#endif
                }
                catch (Exception e) when (e is CryptographicException or ArgumentException)
                {
                    // ArgumentException: "The provided key does not match the public key for this certificate."
                    throw Unusable(certPath, keyPath, e);
                }
            }
            return ForSslStream(loaded, certPath, keyPath);
        }

        private static X509Certificate2 ByReflection(string certPath, string keyPath)
        {
            var method = CreateFromPemFile ?? throw new OciException(OciErrorKind.Unsupported, "This .NET runtime has no X509Certificate2.CreateFromPemFile.", certPath);
            try
            {
                return (X509Certificate2)method.Invoke(null, new object[] { certPath, keyPath })!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                if (e.InnerException is CryptographicException or ArgumentException) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                if (e.InnerException is System.IO.IOException or UnauthorizedAccessException)
                    throw new OciException(OciErrorKind.InvalidArgument, $"The client certificate '{certPath}' or key '{keyPath}' cannot be read: {e.InnerException.Message.TrimEnd('.')}.", certPath, innerException: e.InnerException);
                throw;
            }
        }

        private static X509Certificate2 FromLibrary(PemObject certBlock, PemObject keyBlock, string certPath, string keyPath)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = new X509Certificate2(certBlock.Content);
            }
            catch (CryptographicException e)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"The client certificate '{certPath}' is not a valid X.509 certificate: {e.Message.TrimEnd('.')}.", certPath);
            }
            using (certificate)
            using (var key = LibraryKey.Load(keyBlock, certBlock.Content, certPath, keyPath))
            {
                var (extensions, type) = key is RSA ? (typeof(RSACertificateExtensions), typeof(RSA)) : (typeof(ECDsaCertificateExtensions), typeof(ECDsa));
                var copy = extensions.GetMethod("CopyWithPrivateKey", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(X509Certificate2), type }, null)
                    ?? throw new OciException(OciErrorKind.Unsupported,
                        "This .NET runtime cannot attach a private key to a certificate (CopyWithPrivateKey needs .NET Framework 4.7.2 or later); use PowerShell 7.", certPath);
                try
                {
                    return (X509Certificate2)copy.Invoke(null, new object[] { certificate, key })!;
                }
                catch (TargetInvocationException e) when (e.InnerException is CryptographicException or ArgumentException)
                {
                    throw Unusable(certPath, keyPath, e.InnerException);
                }
            }
        }

        /// <summary>
        /// Windows' TLS (SChannel) and macOS cannot use a key that lives only in memory: export and re-import it
        /// (in memory, as PKCS#12 with no password; the copy is not persisted).
        /// </summary>
        private static X509Certificate2 ForSslStream(X509Certificate2 certificate, string certPath, string keyPath)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return certificate;
            try
            {
                var pfx = certificate.Export(X509ContentType.Pkcs12);
                try
                {
                    return new X509Certificate2(pfx, (string?)null, X509KeyStorageFlags.Exportable);
                }
                finally
                {
                    Array.Clear(pfx, 0, pfx.Length);
                }
            }
            catch (CryptographicException e)
            {
                throw Unusable(certPath, keyPath, e);
            }
            finally
            {
                certificate.Dispose();
            }
        }

        private static OciException Unusable(string certPath, string keyPath, Exception e) =>
            e is ArgumentException
                ? new(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' does not belong to the client certificate '{certPath}'.", keyPath, innerException: e)
                : new(OciErrorKind.InvalidArgument,
                    $"The client certificate '{certPath}' and key '{keyPath}' cannot be used together: {e.Message.TrimEnd('.')}. They must be an unencrypted PEM certificate and its RSA or EC private key.",
                    keyPath, innerException: e);
    }
}
