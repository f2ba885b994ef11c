using System.Collections.Generic;

namespace Oci.Discovery.Providers
{
    /// <summary><c>DOCKER_HOST</c>, with the TLS that <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c> ask for.</summary>
    internal sealed class DockerHostProvider : OciEndpointProvider
    {
        public override OciEndpointSource Source => OciEndpointSource.DockerHost;

        public override IEnumerable<OciEndpointCandidate> GetCandidates(OciEnvironment environment)
        {
            var host = environment.NonEmptyVariable("DOCKER_HOST")?.Trim();
            if (!string.IsNullOrEmpty(host))
                yield return new OciEndpointCandidate(host, Source, "DOCKER_HOST", OciTlsSettings.FromEnvironment(environment));
        }
    }
}
