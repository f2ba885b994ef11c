using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Oci
{
    /// <summary>
    /// Lists the places an engine may answer, in the order <c>docker</c> and <c>podman</c> users expect:
    /// the explicit endpoint; <c>DOCKER_HOST</c>; the Docker context (<c>DOCKER_CONTEXT</c>, else
    /// <c>currentContext</c> in config.json); the platform default; rootless Docker; Podman rootful, then
    /// rootless (or the podman-machine pipe on Windows). Nothing is contacted here:
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
        /// The candidates in the order they are tried, without duplicates (the first source of an endpoint
        /// is kept). Candidates that cannot be tried (a broken context) are listed with their
        /// <see cref="OciEndpointCandidate.Problem"/> so an error can say why they were passed over.
        /// </summary>
        public static IReadOnlyList<OciEndpointCandidate> GetCandidates(OciDiscoveryOptions? options = null)
        {
            var env = options?.Environment ?? OciEnvironment.Current;
            var list = new List<OciEndpointCandidate>();

            var explicitEndpoint = OciEnvironment.NonEmpty(options?.Endpoint?.Trim());
            if (explicitEndpoint is not null)
            {
                list.Add(new OciEndpointCandidate(explicitEndpoint, OciEndpointSource.Explicit, "explicit endpoint",
                    TlsFor(explicitEndpoint, options!.Tls ?? TlsFromEnvironment(env))));
                if (!options.FallBack) return list;
            }

            var dockerHost = env.NonEmptyVariable("DOCKER_HOST")?.Trim();
            if (!string.IsNullOrEmpty(dockerHost))
                list.Add(new OciEndpointCandidate(dockerHost, OciEndpointSource.DockerHost, "DOCKER_HOST", TlsFor(dockerHost!, TlsFromEnvironment(env))));

            if (ContextCandidate(env) is { } context) list.Add(context);

            if (env.IsWindows)
            {
                list.Add(new OciEndpointCandidate(WindowsDefaultPipe, OciEndpointSource.PlatformDefault, "platform default"));
                list.Add(new OciEndpointCandidate(PodmanMachinePipe, OciEndpointSource.PodmanMachine, "podman machine"));
            }
            else
            {
                var xdg = env.NonEmptyVariable("XDG_RUNTIME_DIR");
                var home = env.HomeDirectory;
                list.Add(new OciEndpointCandidate(Unix(env.SystemPath(UnixDefaultSocket)), OciEndpointSource.PlatformDefault, "platform default"));
                if (xdg is not null)
                    list.Add(new OciEndpointCandidate(Unix(Join(xdg, "docker.sock")), OciEndpointSource.RootlessDocker, "rootless docker ($XDG_RUNTIME_DIR)"));
                if (home is not null)
                    list.Add(new OciEndpointCandidate(Unix(Join(home, ".docker/run/docker.sock")), OciEndpointSource.RootlessDocker, "rootless docker (~/.docker/run)"));
                list.Add(new OciEndpointCandidate(Unix(env.SystemPath(PodmanRootfulSocket)), OciEndpointSource.PodmanRootful, "podman rootful"));
                if (xdg is not null)
                    list.Add(new OciEndpointCandidate(Unix(Join(xdg, "podman/podman.sock")), OciEndpointSource.PodmanRootless, "podman rootless ($XDG_RUNTIME_DIR)"));
            }
            return Deduplicate(list);
        }

        /// <summary>
        /// The TLS settings <c>DOCKER_TLS_VERIFY</c> (verify) or <c>DOCKER_TLS</c> (no verify) ask for, with the
        /// PEM files found in <c>DOCKER_CERT_PATH</c> (default: the Docker config directory); null when neither is set.
        /// As in the docker CLI, any non-empty value turns them on.
        /// </summary>
        public static OciTlsSettings? TlsFromEnvironment(OciEnvironment? environment = null)
        {
            var env = environment ?? OciEnvironment.Current;
            var verify = env.NonEmptyVariable("DOCKER_TLS_VERIFY") is not null;
            var tls = env.NonEmptyVariable("DOCKER_TLS") is not null;
            if (!verify && !tls) return null;
            var source = verify ? "DOCKER_TLS_VERIFY" : "DOCKER_TLS";
            var dir = env.NonEmptyVariable("DOCKER_CERT_PATH") ?? env.DockerConfigDirectory;
            return dir is null ? new OciTlsSettings(verify: verify, source: source) : OciTlsSettings.FromDirectory(env, dir, verify, source);
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

        private static OciEndpointCandidate? ContextCandidate(OciEnvironment env)
        {
            var configDir = env.DockerConfigDirectory;
            string? name = env.NonEmptyVariable("DOCKER_CONTEXT");
            string how;
            if (name is not null)
            {
                how = "DOCKER_CONTEXT";
            }
            else
            {
                if (configDir is null) return null;
                var path = DockerConfigFile.PathIn(configDir);
                how = "currentContext in " + path;
                try
                {
                    name = OciEnvironment.NonEmpty(DockerConfigFile.Load(env, path).CurrentContext);
                }
                catch (OciException e)
                {
                    return new OciEndpointCandidate(null, OciEndpointSource.DockerContext, how, problem: e.Message.TrimEnd('.'));
                }
            }
            if (name is null || name == DefaultContextName) return null;

            var description = $"context '{name}' ({how})";
            if (configDir is null)
                return new OciEndpointCandidate(null, OciEndpointSource.DockerContext, description, contextName: name,
                    problem: "there is no Docker config directory to find it in (set DOCKER_CONFIG or HOME)");
            var metaPath = DockerConfigFile.ContextMetaPath(configDir, name);
            if (!env.FileExists(metaPath))
                return new OciEndpointCandidate(null, OciEndpointSource.DockerContext, description, contextName: name,
                    problem: $"context '{name}' does not exist (no {metaPath})");
            string? host;
            bool skipVerify;
            try
            {
                using var doc = DockerConfigFile.ParseFile(env, metaPath, $"the metadata of context '{name}'");
                var docker = Json.Property(doc.RootElement, "Endpoints") is { ValueKind: JsonValueKind.Object } endpoints
                    ? Json.Property(endpoints, "docker") : null;
                if (docker is not { ValueKind: JsonValueKind.Object })
                    throw DockerConfigFile.Malformed(metaPath, $"the metadata of context '{name}'", "it has no Endpoints.docker object");
                host = OciEnvironment.NonEmpty(Json.String(docker.Value, "Host", metaPath)?.Trim());
                skipVerify = Json.Bool(docker.Value, "SkipTLSVerify", metaPath) ?? false;
                if (host is null)
                    throw DockerConfigFile.Malformed(metaPath, $"the metadata of context '{name}'", "Endpoints.docker.Host is missing or empty");
            }
            catch (OciException e)
            {
                return new OciEndpointCandidate(null, OciEndpointSource.DockerContext, description, contextName: name, problem: e.Message.TrimEnd('.'));
            }

            OciTlsSettings? tls = null;
            if (IsTcp(host))
            {
                var files = OciTlsSettings.FromDirectory(env, DockerConfigFile.ContextTlsDirectory(configDir, name), !skipVerify, $"context '{name}'");
                if (files.HasFiles || skipVerify) tls = files;
            }
            return new OciEndpointCandidate(host, OciEndpointSource.DockerContext, description, tls, name);
        }

        private static OciTlsSettings? TlsFor(string endpoint, OciTlsSettings? tls) => tls is not null && IsTcp(endpoint) ? tls : null;

        private static bool IsTcp(string endpoint) =>
            endpoint.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase) || endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        private static string Unix(string path) => "unix://" + path;

        private static string Join(string dir, string relative) => dir.TrimEnd('/') + "/" + relative;

        private static IReadOnlyList<OciEndpointCandidate> Deduplicate(List<OciEndpointCandidate> list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<OciEndpointCandidate>(list.Count);
            foreach (var c in list)
                if (c.Endpoint is null || seen.Add(Normalize(c.Endpoint))) result.Add(c);
            return result;
        }

        /// <summary>A comparison key: scheme lower-cased, npipe's two spellings made one, duplicate slashes in socket paths folded.</summary>
        internal static string Normalize(string endpoint)
        {
            var e = endpoint.Trim();
            var sep = e.IndexOf("://", StringComparison.Ordinal);
            if (sep <= 0) return e;
            var scheme = e.Substring(0, sep).ToLowerInvariant();
            var rest = e.Substring(sep + 3);
            switch (scheme)
            {
                case "unix":
                    while (rest.Contains("//")) rest = rest.Replace("//", "/");
                    return "unix://" + rest;
                case "npipe":
                    return "npipe://" + rest.TrimStart('/').ToLowerInvariant();
                default:
                    return scheme + "://" + rest.TrimEnd('/').ToLowerInvariant();
            }
        }
    }
}
