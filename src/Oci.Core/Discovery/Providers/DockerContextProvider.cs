using System.Collections.Generic;
using System.Text.Json;

namespace Oci.Discovery.Providers
{
    /// <summary>
    /// The Docker context in effect (<c>DOCKER_CONTEXT</c>, else <c>currentContext</c> in config.json): its endpoint and
    /// TLS files from the context store. A broken context is a candidate with a problem, so discovery can say why.
    /// </summary>
    internal sealed class DockerContextProvider : OciEndpointProvider
    {
        public override OciEndpointSource Source => OciEndpointSource.DockerContext;

        public override IEnumerable<OciEndpointCandidate> GetCandidates(OciEnvironment environment)
        {
            if (Find(environment) is { } candidate) yield return candidate;
        }

        private OciEndpointCandidate? Find(OciEnvironment env)
        {
            var configDir = env.DockerConfigDirectory;
            var name = env.NonEmptyVariable("DOCKER_CONTEXT");
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
                    return Broken(how, null, e.Message);
                }
            }
            if (name is null || name == OciEndpointDiscovery.DefaultContextName) return null;

            var description = $"context '{name}' ({how})";
            if (configDir is null)
                return Broken(description, name, "there is no Docker config directory to find it in (set DOCKER_CONFIG or HOME)");
            var metaPath = DockerConfigFile.ContextMetaPath(configDir, name);
            if (!env.FileExists(metaPath))
                return Broken(description, name, $"context '{name}' does not exist (no {metaPath})");
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
                return Broken(description, name, e.Message);
            }

            // A context's TLS is its own: the files under its tls folder, or none (then SkipTLSVerify alone turns TLS on).
            var files = OciTlsSettings.FromDirectory(env, DockerConfigFile.ContextTlsDirectory(configDir, name), !skipVerify, $"context '{name}'");
            return new OciEndpointCandidate(host, Source, description, files.HasFiles || skipVerify ? files : null, name);
        }

        private OciEndpointCandidate Broken(string description, string? name, string why) =>
            new(null, Source, description, contextName: name, problem: why.TrimEnd('.'));
    }
}
