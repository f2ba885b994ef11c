using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Oci.Tls
{
    /// <summary>
    /// Turns an unencrypted PEM private key (PKCS#1 <c>RSA PRIVATE KEY</c>, SEC1 <c>EC PRIVATE KEY</c>, PKCS#8
    /// <c>PRIVATE KEY</c> holding either) into an <see cref="RSA"/> or <see cref="ECDsa"/> with the APIs netstandard2.0
    /// has (<c>ImportParameters</c>). Used where the runtime has no <c>X509Certificate2.CreateFromPemFile</c>
    /// (.NET Framework, i.e. Windows PowerShell 5.1). Errors never show key bytes.
    /// </summary>
    internal static class PemKeyParser
    {
        private const string RsaOid = "1.2.840.113549.1.1.1";
        private const string EcOid = "1.2.840.10045.2.1";

        /// <summary>
        /// The private key of <paramref name="keyBlock"/> (from <paramref name="keyPath"/>) for <paramref name="certificate"/>.
        /// EC keys take their curve from the key, and their public point from the certificate.
        /// </summary>
        public static AsymmetricAlgorithm Parse(PemBlock keyBlock, PemBlock? ecParameters, X509Certificate2 certificate, string keyPath)
        {
            try
            {
                switch (keyBlock.Label)
                {
                    case "RSA PRIVATE KEY":
                        return Rsa(keyBlock.Der);
                    case "EC PRIVATE KEY":
                        return Ec(keyBlock.Der, ecParameters is null ? null : new DerReader(ecParameters.Der).ReadOid(), certificate, keyPath);
                    case "PRIVATE KEY":
                        return Pkcs8(keyBlock.Der, certificate, keyPath);
                    default:
                        throw Unsupported(keyPath, $"its {keyBlock.Label} block is not a key format Oci reads");
                }
            }
            catch (DerFormatException e)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' is not a valid {keyBlock.Label}: {e.Message}.", keyPath);
            }
            catch (CryptographicException e)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' cannot be used: {e.Message.TrimEnd('.')}.", keyPath);
            }
        }

        private static AsymmetricAlgorithm Pkcs8(byte[] der, X509Certificate2 certificate, string keyPath)
        {
            var info = new DerReader(der).ReadSequence();
            var version = info.ReadSmallInteger();
            if (version > 1) throw new DerFormatException($"PKCS#8 version {version}");
            var algorithm = info.ReadSequence();
            var oid = algorithm.ReadOid();
            var key = info.ReadOctetString();
            switch (oid)
            {
                case RsaOid:
                    return Rsa(key);
                case EcOid:
                    var curve = algorithm.PeekTag() == DerReader.ObjectIdentifier ? algorithm.ReadOid() : null;
                    return Ec(key, curve, certificate, keyPath);
                default:
                    throw Unsupported(keyPath, $"its key algorithm {oid} is not RSA or EC");
            }
        }

        private static RSA Rsa(byte[] der)
        {
            var seq = new DerReader(der).ReadSequence();
            var version = seq.ReadSmallInteger();
            if (version != 0) throw new DerFormatException($"an RSA key of version {version} (multi-prime keys are not supported)");
            var n = seq.ReadUnsignedInteger();
            var e = seq.ReadUnsignedInteger();
            var d = seq.ReadUnsignedInteger();
            var p = seq.ReadUnsignedInteger();
            var q = seq.ReadUnsignedInteger();
            var dp = seq.ReadUnsignedInteger();
            var dq = seq.ReadUnsignedInteger();
            var qi = seq.ReadUnsignedInteger();
            // The platforms want D as long as the modulus and the CRT values half as long (left-padded).
            var half = (n.Length + 1) / 2;
            var parameters = new RSAParameters
            {
                Modulus = n,
                Exponent = e,
                D = Pad(d, n.Length),
                P = Pad(p, half),
                Q = Pad(q, half),
                DP = Pad(dp, half),
                DQ = Pad(dq, half),
                InverseQ = Pad(qi, half),
            };
            var rsa = RSA.Create();
            try
            {
                rsa.ImportParameters(parameters);
                return rsa;
            }
            catch
            {
                rsa.Dispose();
                throw;
            }
            finally
            {
                Clear(parameters.D, parameters.P, parameters.Q, parameters.DP, parameters.DQ, parameters.InverseQ, d, p, q, dp, dq, qi);
            }
        }

        private static ECDsa Ec(byte[] der, string? outerCurve, X509Certificate2 certificate, string keyPath)
        {
            var seq = new DerReader(der).ReadSequence();
            var version = seq.ReadSmallInteger();
            if (version != 1) throw new DerFormatException($"an EC key of version {version}");
            var d = seq.ReadOctetString();
            string? curve = outerCurve;
            while (seq.HasData)
            {
                if (seq.PeekTag() == 0xA0)
                {
                    var parameters = seq.Read(0xA0);
                    if (parameters.PeekTag() == DerReader.ObjectIdentifier) curve ??= parameters.ReadOid();
                }
                else
                {
                    seq.Skip(); // [1] publicKey: the certificate's is used
                }
            }
            if (curve is null) throw Unsupported(keyPath, "its EC key names no curve (explicit curve parameters are not supported)");

            using var publicKey = certificate.GetECDsaPublicKey()
                ?? throw new OciException(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' is an EC key, but the client certificate's public key is not.", keyPath);
            var q = publicKey.ExportParameters(false).Q;
            var size = q.X?.Length ?? 0;
            if (size == 0 || d.Length > size) throw new DerFormatException("a private value that does not fit the certificate's curve");
            var ecParameters = new ECParameters
            {
                Curve = ECCurve.CreateFromValue(curve),
                Q = q,
                D = Pad(d, size),
            };
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportParameters(ecParameters);
                return ecdsa;
            }
            catch
            {
                ecdsa.Dispose();
                throw;
            }
            finally
            {
                Clear(ecParameters.D, d);
            }
        }

        private static byte[] Pad(byte[] value, int length)
        {
            if (value.Length >= length) return value;
            var r = new byte[length];
            Buffer.BlockCopy(value, 0, r, length - value.Length, value.Length);
            return r;
        }

        private static void Clear(params byte[]?[] arrays)
        {
            foreach (var a in arrays.Where(a => a is not null)) Array.Clear(a!, 0, a!.Length);
        }

        private static OciException Unsupported(string keyPath, string why) =>
            new(OciErrorKind.InvalidArgument, $"The client key '{keyPath}' cannot be used: {why}. Use an unencrypted RSA or EC key in PEM (PKCS#1, SEC1 or PKCS#8).", keyPath);
    }
}
