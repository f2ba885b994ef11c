using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Reflection;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace Oci.Tls
{
    /// <summary>
    /// <see cref="OciTlsSettings"/> loaded for one connection: the CA bundle, the client certificate with its key, and
    /// the server-certificate check the transports run (chain to <c>ca.pem</c> or the system's roots, and the host
    /// name/IP, unless <see cref="OciTlsSettings.Verify"/> is false). It remembers why it refused a certificate so the
    /// connect error can say so. <see cref="ToString"/> shows paths only.
    /// </summary>
    internal sealed class TlsMaterial : IDisposable
    {
        private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

        private readonly X509Certificate2Collection? _ca;
        private string? _rejection;
        private int _serverAccepted;
        private int _established;
        private int _disposed;

        private TlsMaterial(OciTlsSettings settings, string host, X509Certificate2Collection? ca, X509Certificate2? client, bool portableChain)
        {
            Settings = settings;
            Host = host;
            _ca = ca;
            ClientCertificate = client;
            PortableChain = portableChain;
        }

        public OciTlsSettings Settings { get; }

        /// <summary>The host name or IP the engine's certificate must name.</summary>
        public string Host { get; }

        public X509Certificate2? ClientCertificate { get; }

        public bool Verify => Settings.Verify;

        /// <summary>True to check the chain with ExtraStore and an anchor comparison (as on .NET Framework) instead of a custom trust store.</summary>
        internal bool PortableChain { get; }

        /// <summary>Why the engine's certificate was last refused; null when it was not.</summary>
        public string? Rejection => Volatile.Read(ref _rejection);

        /// <summary>True once an engine certificate passed the check (or was not checked): a later failure is the engine's doing.</summary>
        public bool ServerAccepted => Volatile.Read(ref _serverAccepted) == 1;

        /// <summary>Called once the engine answered over this TLS: a connection that drops later was not a refusal of the client.</summary>
        public void MarkEstablished() => Volatile.Write(ref _established, 1);

        /// <summary>
        /// Loads the PEM files of <paramref name="settings"/> for an engine at <paramref name="host"/>; InvalidArgument
        /// naming the file when one is missing, unreadable or not what it should be.
        /// </summary>
        public static TlsMaterial Load(OciTlsSettings settings, string host, ClientCertificateLoader.Strategy keyStrategy = ClientCertificateLoader.Strategy.Auto, bool? portableChain = null)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            X509Certificate2Collection? ca = null;
            X509Certificate2? client = null;
            try
            {
                if (settings.CaCertificatePath is { } caPath) ca = LoadCa(caPath);
                var certPath = settings.ClientCertificatePath;
                var keyPath = settings.ClientKeyPath;
                if (certPath is not null || keyPath is not null)
                {
                    if (certPath is null)
                        throw new OciException(OciErrorKind.InvalidArgument,
                            $"A client key ('{keyPath}') was given without its certificate: put cert.pem beside key.pem.", keyPath);
                    if (keyPath is null)
                        throw new OciException(OciErrorKind.InvalidArgument,
                            $"A client certificate ('{certPath}') was given without its key: put key.pem beside cert.pem.", certPath);
                    client = ClientCertificateLoader.Load(certPath, keyPath, keyStrategy);
                }
                return new TlsMaterial(settings, host, ca, client, portableChain ?? !CustomTrustStoreAvailable);
            }
            catch
            {
                Dispose(ca);
                client?.Dispose();
                throw;
            }
        }

        private static X509Certificate2Collection LoadCa(string path)
        {
            var collection = new X509Certificate2Collection();
            try
            {
                foreach (var block in PemFile.Read(path, "CA certificate file").Where(b => b.Type is "CERTIFICATE" or "TRUSTED CERTIFICATE"))
                    collection.Add(new X509Certificate2(block.Content));
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                Dispose(collection);
                throw new OciException(OciErrorKind.InvalidArgument, $"The CA certificate file '{path}' holds a certificate that is not valid X.509: {e.Message.TrimEnd('.')}.", path);
            }
            catch
            {
                Dispose(collection);
                throw;
            }
            if (collection.Count == 0)
                throw new OciException(OciErrorKind.InvalidArgument, $"The CA certificate file '{path}' holds no PEM CERTIFICATE block.", path);
            return collection;
        }

        /// <summary>The check every transport runs on the engine's certificate (the <see cref="RemoteCertificateValidationCallback"/> shape).</summary>
        public bool ValidateServer(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            string? why = Verify ? Check(certificate, chain, errors) : null;
            if (why is null)
            {
                Volatile.Write(ref _serverAccepted, 1);
                return true;
            }
            Volatile.Write(ref _rejection, why);
            return false;
        }

        private string? Check(X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors)
        {
            if (presented is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
                return "the engine presented no certificate";
            using var owned = presented as X509Certificate2 is null ? new X509Certificate2(presented) : null;
            var certificate = owned ?? (X509Certificate2)presented;
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                return $"its certificate ({Describe(certificate)}) is not valid for '{Host}'";
            if (_ca is null)
            {
                if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0) return null;
                return $"its certificate ({Describe(certificate)}) does not chain to a root this system trusts ({ChainStatus(presentedChain)})";
            }
            return CheckChain(certificate, presentedChain);
        }

        /// <summary>The certificate must chain to a certificate of <c>ca.pem</c> (and only those: the system's roots do not count, as in docker).</summary>
        internal string? CheckChain(X509Certificate2 certificate, X509Chain? presentedChain)
        {
            using var chain = new X509Chain();
            var policy = chain.ChainPolicy;
            policy.RevocationMode = X509RevocationMode.NoCheck;
            policy.ApplicationPolicy.Add(new Oid(ServerAuthOid));
            if (presentedChain is not null)
                foreach (var extra in presentedChain.ChainPolicy.ExtraStore) policy.ExtraStore.Add(extra);
            var custom = !PortableChain && UseCustomTrustStore(policy, _ca!);
            if (!custom)
            {
                policy.ExtraStore.AddRange(_ca!);
                policy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            }
            var built = chain.Build(certificate);
            var statuses = chain.ChainStatus.Select(s => s.Status)
                .Where(s => s != X509ChainStatusFlags.NoError && !(s == X509ChainStatusFlags.UntrustedRoot && !custom))
                .ToList();
            var anchor = chain.ChainElements.Count > 0 ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate : null;
            var anchored = anchor is not null && _ca!.Cast<X509Certificate2>().Any(c => c.RawData.SequenceEqual(anchor.RawData));
            if ((built || !custom) && statuses.Count == 0 && anchored) return null;
            var how = statuses.Count > 0 ? string.Join(", ", statuses.Distinct()) : "it is signed by another CA";
            return $"its certificate ({Describe(certificate)}) does not chain to the CA in '{Settings.CaCertificatePath}' ({how})";
        }

        /// <summary>The net8.0 build uses <c>CustomTrustStore</c>; the netstandard2.0 build finds it by reflection (.NET 5+).</summary>
        private static bool UseCustomTrustStore(X509ChainPolicy policy, X509Certificate2Collection roots)
        {
#if NET5_0_OR_GREATER
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(roots);
            return true;
#else
            if (TrustModeProperty is null || CustomTrustStoreProperty?.GetValue(policy) is not X509Certificate2Collection store) return false;
            store.AddRange(roots);
            TrustModeProperty.SetValue(policy, Enum.ToObject(TrustModeProperty.PropertyType, 1)); // X509ChainTrustMode.CustomRootTrust
            return true;
#endif
        }

        private static readonly PropertyInfo? TrustModeProperty = typeof(X509ChainPolicy).GetProperty("TrustMode");
        private static readonly PropertyInfo? CustomTrustStoreProperty = typeof(X509ChainPolicy).GetProperty("CustomTrustStore");

        private static bool CustomTrustStoreAvailable => TrustModeProperty is not null && CustomTrustStoreProperty is not null;

        /// <summary>
        /// What went wrong, for a connect error, when <paramref name="error"/> came from a request over this TLS; null
        /// when TLS is not to blame. Refusals of the engine's certificate come first; then an engine that hung up on a
        /// client it does not accept; then a handshake that never got as far as the certificate.
        /// </summary>
        public (OciErrorKind Kind, string Why)? Explain(Exception error)
        {
            if (Rejection is { } rejection)
                return (OciErrorKind.EngineUnavailable,
                    $"the engine's TLS certificate was not trusted: {rejection}. "
                    + (rejection.Contains("not valid for")
                        ? "Connect with a host name or IP address the certificate names, or (unsafe) turn verification off"
                        : "Pass the CA that signed it: -CertificatePath (or DOCKER_CERT_PATH) pointing at a directory whose ca.pem is that CA"));
            var tlsFailure = Any(error, e => e is AuthenticationException
                || e.Message.IndexOf("SSL", StringComparison.OrdinalIgnoreCase) >= 0
                || e.Message.IndexOf("TLS", StringComparison.Ordinal) >= 0
                || e.Message.IndexOf(" alert", StringComparison.OrdinalIgnoreCase) >= 0);
            // TLS 1.3: the handshake completes on the client's side before the engine checks the client's certificate,
            // so a refusal can look like a connection the engine closed (EOF, reset) on the first request.
            var hungUp = Volatile.Read(ref _established) == 0
                && Any(error, e => e is System.IO.IOException || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset });
            if (ServerAccepted && (tlsFailure || hungUp))
            {
                var who = ClientCertificate is null
                    ? "no client certificate was given: -CertificatePath (or DOCKER_CERT_PATH) must point at a directory with cert.pem and key.pem"
                    : $"the client certificate '{Settings.ClientCertificatePath}' ({ClientCertificate.Subject}, issued by {ClientCertificate.Issuer}) was not accepted: use one signed by a CA the engine trusts (its --tlscacert)";
                return (OciErrorKind.Unauthorized, $"the engine refused the TLS connection ({Exceptions.Innermost(error).Message.TrimEnd('.')}); it requires a client certificate it trusts, and {who}");
            }
            if (tlsFailure)
                return (OciErrorKind.EngineUnavailable, $"the TLS handshake failed ({Exceptions.Innermost(error).Message.TrimEnd('.')}): the engine may not speak TLS on this port (use a plain tcp:// connection without TLS settings if it does not)");
            return null;
        }

        private static bool Any(Exception e, Func<Exception, bool> test)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
            {
                if (test(x)) return true;
                if (x is AggregateException a && a.InnerExceptions.Any(i => Any(i, test))) return true;
            }
            return false;
        }

        private static string Describe(X509Certificate2 certificate)
        {
            var names = certificate.Extensions.Cast<X509Extension>().FirstOrDefault(x => x.Oid?.Value == "2.5.29.17")?.Format(false);
            return certificate.Subject + (string.IsNullOrEmpty(names) ? string.Empty : "; " + names) + "; issued by " + certificate.Issuer;
        }

        private static string ChainStatus(X509Chain? chain)
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToList();
            return statuses is { Count: > 0 } ? string.Join(", ", statuses) : "untrusted";
        }

        private static void Dispose(X509Certificate2Collection? collection)
        {
            if (collection is null) return;
            foreach (var c in collection) c.Dispose();
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            Dispose(_ca);
            ClientCertificate?.Dispose();
        }

        public override string ToString() => Settings.ToString();
    }
}
