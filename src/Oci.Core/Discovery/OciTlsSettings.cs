using System;
using System.IO;

namespace Oci
{
    /// <summary>
    /// The TLS material an endpoint is to be reached with: where it came from (<c>DOCKER_TLS_VERIFY</c>, a
    /// context, an explicit certificate directory), the PEM files and whether the server's certificate is
    /// verified. Discovery only carries these; the transport applies them.
    /// </summary>
    public sealed class OciTlsSettings
    {
        /// <summary>Creates TLS settings. Verification is on unless <paramref name="verify"/> is false.</summary>
        public OciTlsSettings(string? caCertificatePath = null, string? clientCertificatePath = null, string? clientKeyPath = null, bool verify = true, string? source = null)
        {
            CaCertificatePath = OciEnvironment.NonEmpty(caCertificatePath);
            ClientCertificatePath = OciEnvironment.NonEmpty(clientCertificatePath);
            ClientKeyPath = OciEnvironment.NonEmpty(clientKeyPath);
            Verify = verify;
            Source = OciEnvironment.NonEmpty(source);
        }

        /// <summary>The CA bundle the server's certificate must chain to (<c>ca.pem</c>); null = the system's roots.</summary>
        public string? CaCertificatePath { get; }

        /// <summary>The client certificate presented to the engine (<c>cert.pem</c>), if any.</summary>
        public string? ClientCertificatePath { get; }

        /// <summary>The client certificate's private key (<c>key.pem</c>), if any.</summary>
        public string? ClientKeyPath { get; }

        /// <summary>True (the default) when the server's certificate is verified; false for a context's <c>SkipTLSVerify</c> or <c>DOCKER_TLS</c> alone.</summary>
        public bool Verify { get; }

        /// <summary>Where these settings came from, e.g. <c>DOCKER_TLS_VERIFY</c> or <c>context 'remote'</c>.</summary>
        public string? Source { get; }

        /// <summary>
        /// Settings from a directory holding <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> (as <c>DOCKER_CERT_PATH</c>
        /// or <c>-CertificatePath</c>); files that are not there are left out, as the docker CLI does.
        /// </summary>
        public static OciTlsSettings FromDirectory(string directory, bool verify = true, string? source = null) =>
            FromDirectory(OciEnvironment.Current, directory, verify, source);

        internal static OciTlsSettings FromDirectory(OciEnvironment environment, string directory, bool verify, string? source)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new OciException(OciErrorKind.InvalidArgument, "A certificate directory is required.", directory);
            string? Pem(string name)
            {
                var p = Path.Combine(directory, name);
                return environment.FileExists(p) ? p : null;
            }
            return new OciTlsSettings(Pem("ca.pem"), Pem("cert.pem"), Pem("key.pem"), verify, source ?? directory);
        }

        /// <summary>
        /// The settings <c>DOCKER_TLS_VERIFY</c> (verify) or <c>DOCKER_TLS</c> (no verify) ask for in <paramref name="environment"/>,
        /// with the PEM files found in <c>DOCKER_CERT_PATH</c> (default: the Docker config directory); null when neither is
        /// set. As in the docker CLI, any non-empty value turns them on.
        /// </summary>
        public static OciTlsSettings? FromEnvironment(OciEnvironment? environment = null)
        {
            var env = environment ?? OciEnvironment.Current;
            var verify = env.NonEmptyVariable("DOCKER_TLS_VERIFY") is not null;
            if (!verify && env.NonEmptyVariable("DOCKER_TLS") is null) return null;
            var source = verify ? "DOCKER_TLS_VERIFY" : "DOCKER_TLS";
            var dir = env.NonEmptyVariable("DOCKER_CERT_PATH") ?? env.DockerConfigDirectory;
            return dir is null ? new OciTlsSettings(verify: verify, source: source) : FromDirectory(env, dir, verify, source);
        }

        /// <summary>True when at least one PEM file is set.</summary>
        public bool HasFiles => CaCertificatePath is not null || ClientCertificatePath is not null || ClientKeyPath is not null;

        public override string ToString()
        {
            var parts = new System.Collections.Generic.List<string> { Verify ? "verify" : "no verify" };
            if (CaCertificatePath is not null) parts.Add("ca " + CaCertificatePath);
            if (ClientCertificatePath is not null) parts.Add("cert " + ClientCertificatePath);
            if (ClientKeyPath is not null) parts.Add("key " + ClientKeyPath);
            return "TLS (" + string.Join(", ", parts) + ")" + (Source is null ? string.Empty : " from " + Source);
        }
    }
}
