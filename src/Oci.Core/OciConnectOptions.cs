namespace Oci
{
    /// <summary>How to connect, beyond the endpoint: the TLS material for <c>tcp://</c> engines.</summary>
    public sealed class OciConnectOptions
    {
        /// <summary>
        /// TLS for a <c>tcp://</c> endpoint (CA, client certificate and key; verification on by default). When null,
        /// a <c>tcp://</c> endpoint honours <c>DOCKER_TLS_VERIFY</c> / <c>DOCKER_CERT_PATH</c> as the docker CLI does.
        /// </summary>
        public OciTlsSettings? Tls { get; set; }
    }
}
