using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.Utilities.IO.Pem;

namespace Oci.Tls
{
    /// <summary>
    /// An unencrypted PEM private key (PKCS#1 <c>RSA PRIVATE KEY</c>, SEC1 <c>EC PRIVATE KEY</c>, PKCS#8 <c>PRIVATE KEY</c>)
    /// read by BouncyCastle and handed to .NET as an <see cref="RSA"/> or <see cref="ECDsa"/> through
    /// <c>ImportParameters</c>, which netstandard2.0 has. For runtimes without PEM import (.NET Framework, i.e. Windows
    /// PowerShell 5.1). Errors name the file, never key bytes.
    /// </summary>
    internal static class LibraryKey
    {
        /// <summary>
        /// The key of <paramref name="keyBlock"/> (from <paramref name="keyPath"/>), checked against the certificate
        /// <paramref name="certificateDer"/>.
        /// </summary>
        public static AsymmetricAlgorithm Load(PemObject keyBlock, byte[] certificateDer, string certPath, string keyPath)
        {
            AsymmetricKeyParameter key;
            AsymmetricKeyParameter certificateKey;
            try
            {
                key = keyBlock.Type switch
                {
                    "PRIVATE KEY" => PrivateKeyFactory.CreateKey(keyBlock.Content),
                    "RSA PRIVATE KEY" => new RsaPrivateCrtKeyParameters(RsaPrivateKeyStructure.GetInstance(keyBlock.Content)),
                    "EC PRIVATE KEY" => Sec1(keyBlock.Content, keyPath),
                    _ => throw Unsupported(keyPath, $"its {keyBlock.Type} block is not a key format Oci reads"),
                };
                certificateKey = PublicKeyFactory.CreateKey(X509CertificateStructure.GetInstance(certificateDer).SubjectPublicKeyInfo);
            }
            catch (Exception e) when (e is not OciException)
            {
                // BouncyCastle's ASN.1 errors (IOException, ArgumentException, InvalidCastException, ...) are not shown:
                // they describe the key's bytes.
                throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' is not a valid {keyBlock.Type}: its structure is damaged.", keyPath);
            }

            try
            {
                switch (key)
                {
                    case RsaPrivateCrtKeyParameters rsa:
                        CheckPair(certificateKey.Equals(new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent)), certPath, keyPath);
                        return Rsa(rsa);
                    case ECPrivateKeyParameters ec:
                        var q = ec.Parameters.G.Multiply(ec.D).Normalize();
                        CheckPair(certificateKey is ECPublicKeyParameters pub && pub.Q.Equals(q), certPath, keyPath);
                        return Ec(ec, q, keyPath);
                    default:
                        throw Unsupported(keyPath, "its key algorithm is not RSA or EC");
                }
            }
            catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
            {
                // The platform's import refused the key (e.g. a curve it does not know); its message shows no key bytes.
                throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' cannot be used: {e.Message.TrimEnd('.')}.", keyPath);
            }
        }

        /// <summary>A key that does not belong to the certificate is refused here, not by the engine later.</summary>
        private static void CheckPair(bool matches, string certPath, string keyPath)
        {
            if (!matches)
                throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' does not belong to the client certificate '{certPath}'.", keyPath);
        }

        /// <summary>SEC1 is PKCS#8's EC key without the algorithm around it: wrapped, one factory reads both.</summary>
        private static AsymmetricKeyParameter Sec1(byte[] der, string keyPath)
        {
            var sec1 = ECPrivateKeyStructure.GetInstance(der);
            // Its own curve, as on the other paths (an EC PARAMETERS block beside it is not consulted).
            var curve = sec1.Parameters ?? throw Unsupported(keyPath, "its EC key names no curve");
            return PrivateKeyFactory.CreateKey(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, curve), sec1));
        }

        private static RSA Rsa(RsaPrivateCrtKeyParameters key)
        {
            // The platforms want D as long as the modulus and the CRT values half as long (left-padded).
            var n = key.Modulus.ToByteArrayUnsigned();
            var half = (n.Length + 1) / 2;
            var parameters = new RSAParameters
            {
                Modulus = n,
                Exponent = key.PublicExponent.ToByteArrayUnsigned(),
                D = BigIntegers.AsUnsignedByteArray(n.Length, key.Exponent),
                P = BigIntegers.AsUnsignedByteArray(half, key.P),
                Q = BigIntegers.AsUnsignedByteArray(half, key.Q),
                DP = BigIntegers.AsUnsignedByteArray(half, key.DP),
                DQ = BigIntegers.AsUnsignedByteArray(half, key.DQ),
                InverseQ = BigIntegers.AsUnsignedByteArray(half, key.QInv),
            };
            return Import(RSA.Create(), rsa => rsa.ImportParameters(parameters), parameters.D, parameters.P, parameters.Q, parameters.DP, parameters.DQ, parameters.InverseQ);
        }

        private static ECDsa Ec(ECPrivateKeyParameters key, Org.BouncyCastle.Math.EC.ECPoint q, string keyPath)
        {
            // Named curves only: what docker and openssl write, and what every platform imports.
            var name = key.PublicKeyParamSet ?? throw Unsupported(keyPath, "its EC key has explicit curve parameters, not a named curve");
            var x = q.AffineXCoord.GetEncoded();
            var parameters = new ECParameters
            {
                Curve = ECCurve.CreateFromValue(name.Id),
                Q = new ECPoint { X = x, Y = q.AffineYCoord.GetEncoded() },
                D = BigIntegers.AsUnsignedByteArray(x.Length, key.D),
            };
            return Import(ECDsa.Create(), ecdsa => ecdsa.ImportParameters(parameters), parameters.D);
        }

        /// <summary>Runs <paramref name="import"/> on a new <paramref name="algorithm"/> (disposed if it fails); the copies of the private values are wiped either way.</summary>
        private static T Import<T>(T algorithm, Action<T> import, params byte[]?[] secrets) where T : AsymmetricAlgorithm
        {
            try
            {
                import(algorithm);
                return algorithm;
            }
            catch
            {
                algorithm.Dispose();
                throw;
            }
            finally
            {
                foreach (var secret in secrets)
                    if (secret is not null) Array.Clear(secret, 0, secret.Length);
            }
        }

        private static OciException Unsupported(string keyPath, string why) =>
            new(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' cannot be used: {why}. Use an unencrypted RSA or EC key in PEM (PKCS#1, SEC1 or PKCS#8).", keyPath);
    }
}
