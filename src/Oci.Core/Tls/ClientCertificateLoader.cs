using System;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Oci.Tls
{
    /// <summary>
    /// Loads a client certificate and its private key from PEM files (<c>cert.pem</c>, <c>key.pem</c>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The net8.0 build uses <c>X509Certificate2.CreateFromPem</c>. The netstandard2.0 build (which PowerShell loads,
    /// on .NET Framework and on .NET 8+ alike) looks for <c>X509Certificate2.CreateFromPemFile</c> by reflection and
    /// uses it when the runtime has it (.NET 5+); on .NET Framework it parses the key itself (<see cref="PemKeyParser"/>)
    /// and attaches it with <c>CopyWithPrivateKey</c> (.NET Framework 4.7.2+), also found by reflection.
    /// </para>
    /// <para>Both files are read first, so a missing or unreadable file is an InvalidArgument naming it. No message carries key material.</para>
    /// </remarks>
    internal static class ClientCertificateLoader
    {
        /// <summary>How the key is attached; tests pin each path (all of them run on .NET 8+).</summary>
        internal enum Strategy
        {
            /// <summary>The best the runtime offers: the PEM API, else reflection, else the parser.</summary>
            Auto,
            /// <summary><c>X509Certificate2.CreateFromPemFile</c> found by reflection, as the netstandard2.0 build does on .NET 5+.</summary>
            Reflection,
            /// <summary>Oci's own PEM/DER parser and <c>CopyWithPrivateKey</c>, as on .NET Framework.</summary>
            Parser,
        }

        private static readonly MethodInfo? CreateFromPemFile = typeof(X509Certificate2).GetMethod(
            "CreateFromPemFile", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null);

        /// <summary>True when the runtime has <c>X509Certificate2.CreateFromPemFile</c> (.NET 5+).</summary>
        internal static bool RuntimeHasPemApi => CreateFromPemFile is not null;

        public static X509Certificate2 Load(string certPath, string keyPath, Strategy strategy = Strategy.Auto)
        {
            var certBlocks = PemFile.Read(certPath, "client certificate");
            var certBlock = certBlocks.FirstOrDefault(b => b.Label == "CERTIFICATE")
                ?? throw new OciException(OciErrorKind.InvalidArgument, $"The client certificate '{certPath}' holds no PEM CERTIFICATE block.", certPath);
            var keyBlocks = PemFile.Read(keyPath, "client key");
            var keyBlock = keyBlocks.FirstOrDefault(b => b.Label is "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "PRIVATE KEY" or "ENCRYPTED PRIVATE KEY")
                ?? throw new OciException(OciErrorKind.InvalidArgument,
                    $"The client key '{keyPath}' holds no PEM private key (RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY block)"
                    + (keyBlocks.Any(b => b.Label == "CERTIFICATE") ? "; it looks like a certificate: is it cert.pem?" : "."),
                    keyPath);
            if (keyBlock.Label == "ENCRYPTED PRIVATE KEY" || keyBlock.Encrypted)
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"The client key '{keyPath}' is encrypted with a passphrase, which Oci (like docker) cannot use. Decrypt it: openssl pkey -in key.pem -out key.pem.",
                    keyPath);

            X509Certificate2 loaded;
            if (strategy == Strategy.Parser || (strategy == Strategy.Auto && !RuntimeHasPemApi))
            {
                loaded = FromParser(certBlock, keyBlock, keyBlocks.FirstOrDefault(b => b.Label == "EC PARAMETERS"), certPath, keyPath);
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

        private static X509Certificate2 FromParser(PemBlock certBlock, PemBlock keyBlock, PemBlock? ecParameters, string certPath, string keyPath)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = new X509Certificate2(certBlock.Der);
            }
            catch (CryptographicException e)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"The client certificate '{certPath}' is not a valid X.509 certificate: {e.Message.TrimEnd('.')}.", certPath);
            }
            using (certificate)
            using (var key = PemKeyParser.Parse(keyBlock, ecParameters, certificate, keyPath))
            {
                CheckPair(certificate, key, certPath, keyPath);
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

        /// <summary>A key that does not belong to the certificate is refused here, not by the engine later.</summary>
        private static void CheckPair(X509Certificate2 certificate, AsymmetricAlgorithm key, string certPath, string keyPath)
        {
            byte[] hash;
            using (var sha = SHA256.Create()) hash = sha.ComputeHash(new byte[] { 0x4F, 0x63, 0x69 });
            bool matches;
            switch (key)
            {
                case RSA rsa:
                    using (var pub = certificate.GetRSAPublicKey())
                        matches = pub is not null && pub.VerifyHash(hash, rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    break;
                case ECDsa ec:
                    using (var pub = certificate.GetECDsaPublicKey())
                        matches = pub is not null && pub.VerifyHash(hash, ec.SignHash(hash));
                    break;
                default:
                    matches = false;
                    break;
            }
            if (!matches)
                throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' does not belong to the client certificate '{certPath}'.", keyPath);
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
