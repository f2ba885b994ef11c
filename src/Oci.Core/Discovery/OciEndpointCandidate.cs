using System;

namespace Oci
{
    /// <summary>One place discovery will try, with where it was found and the TLS settings that go with it.</summary>
    public sealed class OciEndpointCandidate
    {
        public OciEndpointCandidate(string? endpoint, OciEndpointSource source, string sourceDescription, OciTlsSettings? tls = null, string? contextName = null, string? problem = null)
        {
            if (string.IsNullOrWhiteSpace(sourceDescription)) throw new ArgumentException("A candidate needs a source description.", nameof(sourceDescription));
            if (endpoint is null && problem is null) throw new ArgumentException("A candidate without an endpoint must say why (problem).", nameof(problem));
            Endpoint = OciEnvironment.NonEmpty(endpoint?.Trim());
            Source = source;
            SourceDescription = sourceDescription;
            Tls = tls;
            ContextName = contextName;
            Problem = problem;
        }

        /// <summary>The endpoint (<c>unix:///...</c>, <c>tcp://host:port</c>, <c>npipe:////./pipe/...</c>, <c>ssh://...</c>); null when <see cref="Problem"/> kept it from being known.</summary>
        public string? Endpoint { get; }

        /// <summary>The rung of the discovery order.</summary>
        public OciEndpointSource Source { get; }

        /// <summary>Where it was found, for people: <c>DOCKER_HOST</c>, <c>context 'remote' (DOCKER_CONTEXT)</c>, <c>platform default</c>, ...</summary>
        public string SourceDescription { get; }

        /// <summary>TLS settings from <c>DOCKER_TLS_VERIFY</c>/<c>DOCKER_CERT_PATH</c>, the context, or the caller; null for plain connections.</summary>
        public OciTlsSettings? Tls { get; }

        /// <summary>The Docker context's name for <see cref="OciEndpointSource.DockerContext"/> candidates.</summary>
        public string? ContextName { get; }

        /// <summary>Why this candidate cannot be tried (a context whose meta.json is missing or malformed, ...); null when it can.</summary>
        public string? Problem { get; }

        /// <summary>The endpoint's scheme, lower case (<c>unix</c>, <c>tcp</c>, ...); null when unknown.</summary>
        public string? Scheme
        {
            get
            {
                var sep = Endpoint?.IndexOf("://", StringComparison.Ordinal) ?? -1;
                return sep > 0 ? Endpoint!.Substring(0, sep).ToLowerInvariant() : null;
            }
        }

        public override string ToString() =>
            (Endpoint ?? "(no endpoint)") + " (" + SourceDescription + ")" + (Problem is null ? string.Empty : ": " + Problem);
    }
}
