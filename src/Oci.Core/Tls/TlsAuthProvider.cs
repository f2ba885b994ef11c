#if !NET8_0_OR_GREATER
using System;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using global::Docker.DotNet.Handler.Abstractions;

namespace Oci.Tls
{
    /// <summary>
    /// Applies <see cref="TlsMaterial"/> to the HTTP handler a Docker.DotNet transport made (its <see cref="IAuthProvider"/>
    /// hook), in the netstandard2.0 build: the client certificate, and the server-certificate check.
    /// <see cref="TlsEnabled"/> makes the native transport speak https.
    /// </summary>
    internal sealed class TlsAuthProvider : IAuthProvider
    {
        private readonly TlsMaterial _material;

        public TlsAuthProvider(TlsMaterial material) => _material = material ?? throw new ArgumentNullException(nameof(material));

        public bool TlsEnabled => true;

        public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler)
        {
            switch (handler)
            {
                case HttpClientHandler http:
                    http.ClientCertificateOptions = ClientCertificateOption.Manual;
                    if (_material.ClientCertificate is { } certificate) http.ClientCertificates.Add(certificate);
                    http.CheckCertificateRevocationList = false;
                    http.ServerCertificateCustomValidationCallback = (request, cert, chain, errors) => _material.ValidateServer(request, cert, chain, errors);
                    return http;
                case global::Microsoft.Net.Http.Client.ManagedHandler managed:
                    managed.ClientCertificates = Certificates();
                    managed.ServerCertificateValidationCallback = _material.ValidateServer;
                    return managed;
                default:
                    throw new OciException(OciErrorKind.Unsupported, $"TLS cannot be applied to a {handler.GetType().Name} transport.");
            }
        }

        private X509CertificateCollection Certificates()
        {
            var collection = new X509Certificate2Collection();
            if (_material.ClientCertificate is { } certificate) collection.Add(certificate);
            return collection;
        }

        public override string ToString() => "TLS auth provider: " + _material;
    }
}
#endif
