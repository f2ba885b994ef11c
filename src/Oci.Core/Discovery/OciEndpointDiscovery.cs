using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// Lists the places an engine may answer, in the order <c>docker</c> and <c>podman</c> users expect:
    /// the explicit endpoint; <c>DOCKER_HOST</c>; the Docker context (<c>DOCKER_CONTEXT</c>, else
    /// <c>currentContext</c> in config.json); <c>CONTAINER_HOST</c>; the Podman connection in effect
    /// (<c>CONTAINER_CONNECTION</c>, else the default); the platform default; rootless Docker; Podman rootful, then
    /// rootless (or the podman-machine pipe on Windows); then Podman's other named connections. Nothing is contacted here:
    /// <see cref="OciEngines.ConnectAsync(OciDiscoveryOptions?, System.Threading.CancellationToken)"/> probes the list.
    /// </summary>
    public static class OciEndpointDiscovery
    {
        /// <summary>Docker's default socket on Unix.</summary>
        public const string UnixDefaultSocket = "/var/run/docker.sock";

        /// <summary>Docker's default endpoint on Windows.</summary>
        public const string WindowsDefaultPipe = "npipe:////./pipe/docker_engine";

        /// <summary>Podman's system (rootful) socket.</summary>
        public const string PodmanRootfulSocket = "/run/podman/podman.sock";

        /// <summary>The default podman machine's pipe on Windows.</summary>
        public const string PodmanMachinePipe = "npipe:////./pipe/podman-machine-default";

        /// <summary>The context name meaning "no context": <c>DOCKER_HOST</c> or the platform default.</summary>
        public const string DefaultContextName = "default";

        /// <summary>
        /// The discovery order of the docker and podman CLIs, one provider a rung: what the user configured (Docker's
        /// variable and context, then Podman's variable and connection in effect) before the local sockets; Podman's other
        /// named connections, which the podman CLI uses only when asked by name, last.
        /// </summary>
        public static IReadOnlyList<OciEndpointProvider> DefaultProviders { get; } = new OciEndpointProvider[]
        {
            new Discovery.Providers.DockerHostProvider(),
            new Discovery.Providers.DockerContextProvider(),
            new Discovery.Providers.ContainerHostProvider(),
            new Discovery.Providers.PodmanConnectionProvider(inEffect: true),
            new Discovery.Providers.SocketProvider(OciEndpointSource.PlatformDefault),
            new Discovery.Providers.SocketProvider(OciEndpointSource.PodmanMachine),
            new Discovery.Providers.SocketProvider(OciEndpointSource.RootlessDocker),
            new Discovery.Providers.SocketProvider(OciEndpointSource.PodmanRootful),
            new Discovery.Providers.SocketProvider(OciEndpointSource.PodmanRootless),
            new Discovery.Providers.PodmanConnectionProvider(inEffect: false),
        };

        /// <summary>
        /// The candidates in the order they are tried, without duplicates (the first source of an endpoint is kept):
        /// the explicit endpoint (alone unless <see cref="OciDiscoveryOptions.FallBack"/>), then each provider's.
        /// Candidates that cannot be tried (a broken context, an endpoint that does not parse) are listed with their
        /// <see cref="OciEndpointCandidate.Problem"/> so an error can say why they were passed over.
        /// </summary>
        public static IReadOnlyList<OciEndpointCandidate> GetCandidates(OciDiscoveryOptions? options = null)
        {
            var env = options?.Environment ?? OciEnvironment.Current;
            var list = new List<OciEndpointCandidate>();
            var explicitEndpoint = OciEnvironment.NonEmpty(options?.Endpoint?.Trim());
            if (explicitEndpoint is not null)
            {
                list.Add(new OciEndpointCandidate(explicitEndpoint, OciEndpointSource.Explicit, "explicit endpoint", options!.Tls ?? OciTlsSettings.FromEnvironment(env)));
                if (!options.FallBack) return list;
            }
            foreach (var provider in options?.Providers ?? DefaultProviders)
                list.AddRange(provider.GetCandidates(env));
            return Deduplicate(list);
        }

        /// <summary>The Docker context in effect (<c>DOCKER_CONTEXT</c>, else config.json's <c>currentContext</c>); null for none or <c>default</c>.</summary>
        public static string? CurrentContextName(OciEnvironment? environment = null)
        {
            var env = environment ?? OciEnvironment.Current;
            var name = env.NonEmptyVariable("DOCKER_CONTEXT");
            if (name is null)
            {
                try { name = OciEnvironment.NonEmpty(DockerConfigFile.Load(env)?.CurrentContext); }
                catch (OciException) { return null; }
            }
            return name is null || name == DefaultContextName ? null : name;
        }

        private static IReadOnlyList<OciEndpointCandidate> Deduplicate(List<OciEndpointCandidate> list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<OciEndpointCandidate>(list.Count);
            foreach (var c in list)
                if (c.Endpoint is null || seen.Add(c.Endpoint.ToString().ToLowerInvariant())) result.Add(c);
            return result;
        }
    }
}
