using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Oci.Drivers.Docker;
using Oci.Tls;
using Xunit;
using Strategy = Oci.Tls.ClientCertificateLoader.Strategy;

namespace Oci.Tests.Tls
{
    /// <summary>
    /// PEM loading on every path the builds take: the net8.0 PEM API (Auto), <c>CreateFromPemFile</c> by reflection (the
    /// netstandard2.0 build on .NET 5+) and BouncyCastle (the netstandard2.0 build on .NET Framework), for RSA and EC
    /// keys in PKCS#1, SEC1 and PKCS#8; the errors name files and never show key material.
    /// </summary>
    public sealed class TlsPemTests : IDisposable
    {
        private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "oci-tls-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private static readonly string[] StrategyNames = { nameof(Strategy.Auto), nameof(Strategy.Reflection), nameof(Strategy.Library) };

        private static Strategy S(string name) => Enum.Parse<Strategy>(name);

        public static IEnumerable<object[]> Strategies() => StrategyNames.Select(s => new object[] { s });

        public static IEnumerable<object[]> KeyFormats()
        {
            foreach (var s in StrategyNames)
                foreach (var f in new[] { "rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-sec1-with-parameters", "ec-pkcs8", "ec-p384-sec1", "rsa-pkcs1-crlf" })
                    yield return new object[] { s, f };
        }

        private string Write(string name, string text)
        {
            var p = Path.Combine(_dir, name);
            File.WriteAllText(p, text);
            return p;
        }

        /// <summary>A self-signed client certificate and its key in <paramref name="format"/>; returns (cert path, key path, key PEM).</summary>
        private (string Cert, string Key, string KeyPem) Pair(string format)
        {
            AsymmetricAlgorithm key;
            CertificateRequest request;
            if (format.StartsWith("rsa", StringComparison.Ordinal))
            {
                var rsa = RSA.Create(2048);
                key = rsa;
                request = new CertificateRequest("CN=oci-unit", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
            else
            {
                var ec = ECDsa.Create(format.Contains("p384") ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
                key = ec;
                request = new CertificateRequest("CN=oci-unit", ec, HashAlgorithmName.SHA256);
            }
            using (key)
            using (var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)))
            {
                var pem = format switch
                {
                    "rsa-pkcs1" or "rsa-pkcs1-crlf" => ((RSA)key).ExportRSAPrivateKeyPem(),
                    "rsa-pkcs8" or "ec-pkcs8" => key.ExportPkcs8PrivateKeyPem(),
                    "ec-sec1" or "ec-p384-sec1" => ((ECDsa)key).ExportECPrivateKeyPem(),
                    // openssl ecparam -genkey writes the curve in its own block first.
                    "ec-sec1-with-parameters" => "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + ((ECDsa)key).ExportECPrivateKeyPem(),
                    _ => throw new ArgumentException(format),
                };
                var certPem = cert.ExportCertificatePem();
                if (format.EndsWith("crlf", StringComparison.Ordinal))
                {
                    pem = pem.Replace("\n", "\r\n");
                    certPem = certPem.Replace("\n", "\r\n");
                }
                return (Write(format + "-cert.pem", certPem + "\n"), Write(format + "-key.pem", pem + "\n"), pem);
            }
        }

        private static void AssertUsable(X509Certificate2 certificate)
        {
            Assert.True(certificate.HasPrivateKey);
            var data = Encoding.UTF8.GetBytes("oci");
            if (certificate.GetRSAPrivateKey() is { } rsa)
            {
                using (rsa)
                using (var pub = certificate.GetRSAPublicKey()!)
                    Assert.True(pub.VerifyData(data, rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
            else
            {
                using var ec = certificate.GetECDsaPrivateKey()!;
                using var pub = certificate.GetECDsaPublicKey()!;
                Assert.True(pub.VerifyData(data, ec.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
            }
        }

        [Theory]
        [MemberData(nameof(KeyFormats))]
        public void Loads_RSA_and_EC_keys_in_every_format_on_every_path(string strategy, string format)
        {
            var (cert, key, _) = Pair(format);
            using var loaded = ClientCertificateLoader.Load(cert, key, S(strategy));
            Assert.Equal("CN=oci-unit", loaded.Subject);
            AssertUsable(loaded);
        }

        [Theory]
        [MemberData(nameof(Strategies))]
        public void Loads_the_test_beds_openssl_keys_on_every_path(string strategy)
        {
            TlsTestBed.RequireFiles();
            foreach (var dir in new[] { TlsTestBed.ClientDir, TlsTestBed.EcClientDir, TlsTestBed.OtherDir })
            {
                using var loaded = ClientCertificateLoader.Load(TlsTestBed.Cert(dir), TlsTestBed.Key(dir), S(strategy));
                AssertUsable(loaded);
            }
        }

        [Fact]
        public void The_runtime_has_the_PEM_API_the_netstandard_build_looks_for()
        {
            // What the netstandard2.0 build finds by reflection on .NET 5+ (PowerShell 7).
            Assert.True(ClientCertificateLoader.RuntimeHasPemApi);
        }

        [Theory]
        [InlineData("Library", true)]
        [InlineData("Reflection", false)]
        [InlineData("Auto", false)]
        public async Task The_netstandard_paths_connect_for_real(string strategy, bool portableChain)
        {
            // BouncyCastle and the ExtraStore chain check (.NET Framework's path), and reflection: a real TLS ping to dockerd.
            TlsTestBed.RequireFiles();
            foreach (var dir in new[] { TlsTestBed.ClientDir, TlsTestBed.EcClientDir })
            {
                var endpoint = OciEndpoint.Parse(TlsTestBed.Host);
                using var material = TlsMaterial.Load(OciTlsSettings.FromDirectory(dir), endpoint.Host!, S(strategy), portableChain);
                Assert.Equal(portableChain, material.PortableChain);
                using var http = Oci.Transport.EngineTransport.Create(endpoint, material);
                var (headers, _) = await Oci.Drivers.Docker.DockerApiProbe.PingAsync(http, endpoint, material, TimeSpan.FromSeconds(10), default);
                Assert.True(headers.ContainsKey("Api-Version"));
            }
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void The_chain_check_trusts_ca_pem_only_on_both_paths(bool portableChain)
        {
            TlsTestBed.RequireFiles();
            using var server = X509Certificate2.CreateFromPem(File.ReadAllText(TlsTestBed.ServerCertificate));
            using (var good = TlsMaterial.Load(new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir)), "127.0.0.1", portableChain: portableChain))
            {
                Assert.Null(good.CheckChain(server, null));
                // A client certificate of the same CA is not a server certificate (no serverAuth usage).
                using var client = X509Certificate2.CreateFromPem(File.ReadAllText(TlsTestBed.Cert(TlsTestBed.ClientDir)));
                Assert.Contains("does not chain", good.CheckChain(client, null));
            }
            using var other = TlsMaterial.Load(new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.OtherDir)), "127.0.0.1", portableChain: portableChain);
            var why = other.CheckChain(server, null);
            Assert.NotNull(why);
            Assert.Contains(TlsTestBed.Ca(TlsTestBed.OtherDir), why);
        }

        [Fact]
        public void A_CA_bundle_with_several_certificates_is_read_whole()
        {
            TlsTestBed.RequireFiles();
            var bundle = Write("bundle.pem", File.ReadAllText(TlsTestBed.Ca(TlsTestBed.OtherDir)) + File.ReadAllText(TlsTestBed.Ca(TlsTestBed.ClientDir)));
            using var server = X509Certificate2.CreateFromPem(File.ReadAllText(TlsTestBed.ServerCertificate));
            using var material = TlsMaterial.Load(new OciTlsSettings(bundle), "127.0.0.1");
            Assert.Null(material.CheckChain(server, null));
        }

        // ---- errors: InvalidArgument naming the file, never the key ----

        /// <summary>Every 16-character run of the key's base64 body: none may appear anywhere in what an error shows.</summary>
        private static IEnumerable<string> Fragments(string keyPem)
        {
            var body = string.Concat(keyPem.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal) && !l.Contains(':')));
            for (var i = 0; i + 16 <= body.Length; i += 8) yield return body.Substring(i, 16);
        }

        private static void AssertNoKeyMaterial(string keyPem, params object?[] shown)
        {
            foreach (var thing in shown)
            {
                var text = thing switch
                {
                    null => string.Empty,
                    Exception e => e.ToString() + " " + (e as OciException)?.EngineMessage,
                    _ => thing.ToString() ?? string.Empty,
                };
                foreach (var fragment in Fragments(keyPem))
                    Assert.DoesNotContain(fragment, text);
                Assert.DoesNotContain("PRIVATE KEY-----", text);
            }
        }

        private static OciException Fails(Action load, OciErrorKind kind = OciErrorKind.InvalidArgument)
        {
            var e = Assert.ThrowsAny<OciException>(load);
            Assert.Equal(kind, e.Kind);
            return e;
        }

        [Theory]
        [MemberData(nameof(Strategies))]
        public void A_key_that_is_not_the_certificates_is_refused_without_showing_either(string strategy)
        {
            var (cert, _, _) = Pair("rsa-pkcs1");
            var (_, otherKey, otherPem) = Pair("rsa-pkcs8");
            var e = Fails(() => ClientCertificateLoader.Load(cert, otherKey, S(strategy)).Dispose());
            Assert.Contains(otherKey, e.Message);
            AssertNoKeyMaterial(otherPem, e);

            var (ecCert, _, _) = Pair("ec-sec1");
            var (_, ecKey, ecPem) = Pair("ec-pkcs8");
            e = Fails(() => ClientCertificateLoader.Load(ecCert, ecKey, S(strategy)).Dispose());
            AssertNoKeyMaterial(ecPem, e);

            // An EC key for an RSA certificate, and the reverse.
            e = Fails(() => ClientCertificateLoader.Load(cert, ecKey, S(strategy)).Dispose());
            AssertNoKeyMaterial(ecPem, e);
        }

        [Theory]
        [MemberData(nameof(Strategies))]
        public void An_encrypted_key_is_refused_with_how_to_decrypt_it(string strategy)
        {
            var (cert, _, _) = Pair("rsa-pkcs1");
            using var rsa = RSA.Create(2048);
            var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem("pass-word-1", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));
            var key = Write("enc.pem", encrypted);
            var e = Fails(() => ClientCertificateLoader.Load(cert, key, S(strategy)).Dispose());
            Assert.Contains("is encrypted with a passphrase", e.Message);
            Assert.Contains("openssl pkey", e.Message);
            Assert.Contains(key, e.Message);
            AssertNoKeyMaterial(encrypted, e);

            // OpenSSL's legacy form: headers inside the block.
            var legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)) + "\n-----END RSA PRIVATE KEY-----\n";
            key = Write("legacy.pem", legacy);
            e = Fails(() => ClientCertificateLoader.Load(cert, key, S(strategy)).Dispose());
            Assert.Contains("is encrypted with a passphrase", e.Message);
            Assert.Contains("openssl pkey", e.Message);
            AssertNoKeyMaterial(legacy, e);
        }

        [Theory]
        [MemberData(nameof(Strategies))]
        public void A_damaged_key_is_refused_naming_the_file_not_its_content(string strategy)
        {
            var (cert, _, keyPem) = Pair("rsa-pkcs1");
            var lines = keyPem.Split('\n');
            // Cut the DER short: valid base64, broken structure.
            var truncated = string.Join("\n", lines.Take(lines.Length / 2)) + "\n" + lines.Last();
            var key = Write("truncated.pem", truncated);
            var e = Fails(() => ClientCertificateLoader.Load(cert, key, S(strategy)).Dispose());
            Assert.Contains(key, e.Message);
            AssertNoKeyMaterial(keyPem, e);

            var garbled = keyPem.Replace(lines[3], lines[3].Substring(0, 10) + "%%%" + lines[3].Substring(13));
            key = Write("garbled.pem", garbled);
            e = Fails(() => ClientCertificateLoader.Load(cert, key, S(strategy)).Dispose());
            Assert.Contains(key, e.Message);
            Assert.Contains("base64", e.Message);
            AssertNoKeyMaterial(keyPem, e);

            // An EC key that names no curve (SEC1 without its optional [0] parameters).
            var (ecCert, _, _) = Pair("ec-sec1");
            var noCurvePem = NoCurveSec1Pem();
            key = Write("no-curve.pem", noCurvePem);
            e = Fails(() => ClientCertificateLoader.Load(ecCert, key, S(strategy)).Dispose());
            Assert.Contains(key, e.Message);
            AssertNoKeyMaterial(noCurvePem, e);
        }

        private static string NoCurveSec1Pem()
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var sec1 = new AsnReader(ec.ExportECPrivateKey(), AsnEncodingRules.DER).ReadSequence();
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(sec1.ReadInteger());
                writer.WriteOctetString(sec1.ReadOctetString());
            }
            return PemEncoding.WriteString("EC PRIVATE KEY", writer.Encode());
        }

        [Fact]
        public void Files_that_are_not_what_they_should_be_are_named()
        {
            var (cert, key, keyPem) = Pair("ec-sec1");
            var e = Fails(() => ClientCertificateLoader.Load(cert, cert).Dispose());
            Assert.Contains("it looks like a certificate", e.Message);
            e = Fails(() => ClientCertificateLoader.Load(key, key).Dispose());
            Assert.Contains($"The client certificate '{key}' holds no PEM CERTIFICATE block", e.Message);
            AssertNoKeyMaterial(keyPem, e);
            e = Fails(() => ClientCertificateLoader.Load(cert, _dir).Dispose());
            Assert.Contains("is a directory", e.Message);
            e = Fails(() => TlsMaterial.Load(new OciTlsSettings(key), "127.0.0.1").Dispose());
            Assert.Contains($"The CA certificate file '{key}' holds no PEM CERTIFICATE block", e.Message);
            AssertNoKeyMaterial(keyPem, e);
            e = Fails(() => TlsMaterial.Load(new OciTlsSettings(null, null, key), "127.0.0.1").Dispose());
            Assert.Contains("without its certificate", e.Message);
        }

        [Fact]
        public void Nothing_that_describes_TLS_shows_key_material()
        {
            TlsTestBed.RequireFiles();
            var keyPem = File.ReadAllText(TlsTestBed.Key(TlsTestBed.ClientDir));
            var settings = TlsTestBed.Good();
            using var material = TlsMaterial.Load(settings, "127.0.0.1");
            AssertNoKeyMaterial(keyPem, settings, material, material.ClientCertificate);
            Assert.Contains(TlsTestBed.Key(TlsTestBed.ClientDir), settings.ToString()); // the path is shown, the content not
        }

        [Fact]
        public async Task Refusals_by_the_engine_show_no_key_material()
        {
            TlsTestBed.RequireFiles();
            var keyPem = File.ReadAllText(TlsTestBed.Key(TlsTestBed.OtherDir));
            var wrongClient = new OciTlsSettings(TlsTestBed.Ca(TlsTestBed.ClientDir), TlsTestBed.Cert(TlsTestBed.OtherDir), TlsTestBed.Key(TlsTestBed.OtherDir));
            var e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new DockerDriver(), TlsTestBed.Host, TlsTestBed.Options(wrongClient)));
            AssertNoKeyMaterial(keyPem, e);
            e = await Assert.ThrowsAsync<OciException>(() => OciClient.ConnectAsync(new DockerDriver(), TlsTestBed.Host, TlsTestBed.Options(OciTlsSettings.FromDirectory(TlsTestBed.OtherDir))));
            AssertNoKeyMaterial(keyPem, e);
        }
    }
}
