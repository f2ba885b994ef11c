using System;

namespace Oci
{
    /// <summary>One place discovery will try: the endpoint, its TLS or ssh settings, and where it was found — data only, nothing contacted.</summary>
    public sealed class OciEndpointCandidate
    {
        /// <summary>
        /// A candidate for <paramref name="endpoint"/> (as written where it was found). An endpoint that does not parse
        /// makes a candidate with a <see cref="Problem"/>, so discovery can say why it was passed over.
        /// </summary>
        public OciEndpointCandidate(string? endpoint, OciEndpointSource source, string sourceDescription, OciTlsSettings? tls = null, string? contextName = null, string? problem = null,
            OciSshSettings? ssh = null, string? connectionName = null)
        {
            if (string.IsNullOrWhiteSpace(sourceDescription)) throw new ArgumentException("A candidate needs a source description.", nameof(sourceDescription));
            if (endpoint is null && problem is null) throw new ArgumentException("A candidate without an endpoint must say why (problem).", nameof(problem));
            EndpointText = OciEnvironment.NonEmpty(endpoint?.Trim());
            if (problem is null && EndpointText is not null)
            {
                if (OciEndpoint.TryParse(EndpointText, out var parsed, out var why)) Endpoint = parsed;
                else problem = $"'{EndpointText}' is not a valid engine endpoint: {why}";
            }
            Source = source;
            SourceDescription = sourceDescription;
            // TLS settings apply to tcp:// and https:// only, as with docker -H unix://... --tlsverify.
            Tls = Endpoint is { TakesTls: true } ? tls : null;
            Ssh = Endpoint is { IsSsh: true } ? ssh : null;
            ContextName = contextName;
            ConnectionName = connectionName;
            Problem = problem;
        }

        /// <summary>The endpoint, parsed; null when <see cref="Problem"/> kept it from being known or read.</summary>
        public OciEndpoint? Endpoint { get; }

        /// <summary>The endpoint as written where it was found (<c>DOCKER_HOST</c>'s value, a context's <c>Host</c>, ...).</summary>
        public string? EndpointText { get; }

        /// <summary>The rung of the discovery order.</summary>
        public OciEndpointSource Source { get; }

        /// <summary>Where it was found, for people: <c>DOCKER_HOST</c>, <c>context 'remote' (DOCKER_CONTEXT)</c>, <c>platform default</c>, ...</summary>
        public string SourceDescription { get; }

        /// <summary>TLS settings from <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c>, the context, or the caller; null for plain connections.</summary>
        public OciTlsSettings? Tls { get; }

        /// <summary>ssh settings the place brings (<c>CONTAINER_SSHKEY</c>, a Podman connection's identity); null for others and for non-ssh endpoints.</summary>
        public OciSshSettings? Ssh { get; }

        /// <summary>The Docker context's name for <see cref="OciEndpointSource.DockerContext"/> candidates.</summary>
        public string? ContextName { get; }

        /// <summary>The Podman connection's name for <see cref="OciEndpointSource.PodmanDefaultConnection"/> and <see cref="OciEndpointSource.PodmanConnection"/> candidates.</summary>
        public string? ConnectionName { get; }

        /// <summary>Why this candidate cannot be tried (a broken context, an endpoint that does not parse, ...); null when it can.</summary>
        public string? Problem { get; }

        /// <summary>
        /// The connect options a connect to this candidate uses: exactly its TLS (none when it has none), its ssh settings
        /// under <paramref name="ssh"/> (the caller's, whose values win), read from <paramref name="environment"/>.
        /// </summary>
        public OciConnectOptions ConnectOptions(OciEnvironment environment, TimeSpan connectTimeout, OciSshSettings? ssh = null) =>
            new() { Tls = Tls, TlsFromEnvironment = false, Ssh = OciSshSettings.Combine(ssh, Ssh), Environment = environment, ConnectTimeout = connectTimeout };

        public override string ToString() =>
            (EndpointText ?? "(no endpoint)") + " (" + SourceDescription + ")" + (Problem is null ? string.Empty : ": " + Problem);
    }
}
