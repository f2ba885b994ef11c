using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Credentials
{
    /// <summary>Where LOGIN keeps a checked credential and LOGOUT erases it: each driver's own tool's place.</summary>
    internal abstract class RegistryLoginStore
    {
        /// <summary>Stores <paramref name="credential"/> for <paramref name="serverAddress"/>; answers where it went.</summary>
        public abstract Task<string> StoreAsync(string serverAddress, OciRegistryCredential credential, string? configPath, CancellationToken cancellationToken);

        /// <summary>Erases the credential of <paramref name="serverAddress"/>; answers where from, or null when nothing was stored.</summary>
        public abstract Task<string?> EraseAsync(string serverAddress, string? configPath, CancellationToken cancellationToken);
    }

    /// <summary>
    /// As <c>docker login</c>: the helper of <c>credHelpers[registry]</c>, else of <c>credsStore</c> (<c>docker-credential-&lt;x&gt;
    /// store</c>, with an empty <c>auths</c> entry left in config.json as docker leaves it), else <c>auths</c> in config.json.
    /// </summary>
    internal sealed class DockerConfigLoginStore : RegistryLoginStore
    {
        public static readonly DockerConfigLoginStore Instance = new();

        public override async Task<string> StoreAsync(string serverAddress, OciRegistryCredential credential, string? configPath, CancellationToken cancellationToken)
        {
            var (env, config) = Load(configPath);
            if (Helper(config, serverAddress) is { } helper)
            {
                await CredentialHelper.StoreAsync(helper.Name, helper.Role, serverAddress, credential, env, OciCredentialOptions.DefaultHelperTimeout, cancellationToken).ConfigureAwait(false);
                AuthsFile.Set(config.Path, "Docker's configuration", serverAddress, new System.Text.Json.Nodes.JsonObject());
                return CredentialHelper.Prefix + helper.Name;
            }
            AuthsFile.Set(config.Path, "Docker's configuration", serverAddress, AuthsFile.Entry(credential));
            return config.Path;
        }

        public override async Task<string?> EraseAsync(string serverAddress, string? configPath, CancellationToken cancellationToken)
        {
            var (env, config) = Load(configPath);
            string? erased = null;
            if (Helper(config, serverAddress) is { } helper
                && await CredentialHelper.EraseAsync(helper.Name, helper.Role, serverAddress, env, OciCredentialOptions.DefaultHelperTimeout, cancellationToken).ConfigureAwait(false))
                erased = CredentialHelper.Prefix + helper.Name;
            var removed = false;
            foreach (var key in RegistryKeys.Matching(config.Auths, a => a.Key, serverAddress).Select(a => a.Key).ToList())
                removed |= AuthsFile.Set(config.Path, "Docker's configuration", key, null);
            return erased ?? (removed ? config.Path : null);
        }

        private static (OciEnvironment Env, DockerConfigFile Config) Load(string? configDirectory)
        {
            var env = OciEnvironment.Current;
            var dir = configDirectory ?? env.DockerConfigDirectory
                ?? throw new OciException(OciErrorKind.InvalidArgument, "There is no docker configuration folder (no DOCKER_CONFIG and no home folder): give one (configPath).");
            return (env, DockerConfigFile.Load(env, DockerConfigFile.PathIn(dir)));
        }

        private static (string Name, string Role)? Helper(DockerConfigFile config, string serverAddress)
        {
            if (config.CredHelpers.TryGetValue(serverAddress, out var perRegistry)) return (perRegistry, "credHelpers in " + config.Path);
            if (OciEnvironment.NonEmpty(config.CredsStore) is { } store) return (store, "credsStore in " + config.Path);
            return null;
        }
    }

    /// <summary>As <c>podman login</c>: <c>auths</c> in the auth file (<c>REGISTRY_AUTH_FILE</c>, else <c>$XDG_RUNTIME_DIR/containers/auth.json</c>).</summary>
    internal sealed class PodmanAuthFileLoginStore : RegistryLoginStore
    {
        public static readonly PodmanAuthFileLoginStore Instance = new();

        public override Task<string> StoreAsync(string serverAddress, OciRegistryCredential credential, string? configPath, CancellationToken cancellationToken)
        {
            var path = AuthFile(configPath);
            AuthsFile.Set(path, "the registry credentials file", serverAddress, AuthsFile.Entry(credential));
            return Task.FromResult(path);
        }

        public override Task<string?> EraseAsync(string serverAddress, string? configPath, CancellationToken cancellationToken)
        {
            var path = AuthFile(configPath);
            return Task.FromResult(File.Exists(path) && AuthsFile.Set(path, "the registry credentials file", serverAddress, null) ? path : null);
        }

        private static string AuthFile(string? configPath) =>
            configPath ?? OciCredentialResolver.PodmanAuthFiles().FirstOrDefault()
            ?? throw new OciException(OciErrorKind.InvalidArgument, "There is no place for Podman's auth file (no REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR or home folder): give one (configPath).");
    }
}
