using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Credentials
{
    /// <summary>
    /// Finds the credential for a registry the way Docker does: the explicit credential; <c>credHelpers[host]</c>;
    /// <c>credsStore</c>; <c>auths</c> in <c>config.json</c> (<c>DOCKER_CONFIG</c> or <c>~/.docker</c>); then
    /// Podman's <c>auth.json</c> (<c>REGISTRY_AUTH_FILE</c>, else <c>$XDG_RUNTIME_DIR/containers/auth.json</c>,
    /// then <c>$XDG_CONFIG_HOME/containers/auth.json</c>). The first source that has one wins; a helper that
    /// says "credentials not found" passes to the next. No secret ever appears in a message.
    /// </summary>
    public static class OciCredentialResolver
    {
        /// <summary>The key Docker stores Docker Hub's credentials under.</summary>
        public const string DockerHubServerAddress = RegistryKeys.DockerHub;

        /// <summary>
        /// The key Docker uses for <paramref name="registryHost"/>: <c>https://index.docker.io/v1/</c> for
        /// <c>docker.io</c>, <c>index.docker.io</c> and <c>registry-1.docker.io</c>; host[:port] otherwise
        /// (a URL such as <c>https://host:5000/v2/</c> is reduced to <c>host:5000</c>).
        /// </summary>
        public static string ServerAddressFor(string registryHost) => RegistryKeys.ServerAddress(registryHost);

        /// <summary>
        /// The credential for <paramref name="registryHost"/> (host[:port], <c>docker.io</c>, or a URL), or null
        /// when no source has one (pull anonymously). Malformed configuration, a helper missing from PATH or a
        /// helper that fails are errors (as for <c>docker pull</c>).
        /// </summary>
        public static async Task<OciRegistryCredential?> ResolveAsync(string registryHost, OciCredentialOptions? options = null, CancellationToken cancellationToken = default)
        {
            var serverAddress = RegistryKeys.ServerAddress(registryHost);
            options ??= new OciCredentialOptions();
            if (options.Credential is { } given) return given.WithSource("explicit", serverAddress);
            var env = options.Environment ?? OciEnvironment.Current;
            if (cancellationToken.IsCancellationRequested)
                throw new OciException(OciErrorKind.Cancelled, $"Resolving the credentials of {serverAddress} was cancelled.", serverAddress, innerException: new OperationCanceledException(cancellationToken));

            var config = DockerConfigFile.Load(env);
            if (config is not null)
            {
                var helper = RegistryKeys.Matching(config.CredHelpers, h => h.Key, serverAddress).Select(h => h.Value).FirstOrDefault();
                if (helper is not null)
                {
                    var found = await CredentialHelper.GetAsync(helper, "credHelpers in " + config.Path, serverAddress, env, options.HelperTimeout, cancellationToken).ConfigureAwait(false);
                    if (found is not null) return found.WithSource($"credHelpers: {CredentialHelper.Prefix}{helper}", serverAddress);
                }
                if (OciEnvironment.NonEmpty(config.CredsStore) is { } store)
                {
                    var found = await CredentialHelper.GetAsync(store, "credsStore in " + config.Path, serverAddress, env, options.HelperTimeout, cancellationToken).ConfigureAwait(false);
                    if (found is not null) return found.WithSource($"credsStore: {CredentialHelper.Prefix}{store}", serverAddress);
                }
                if (FromAuths(config.Auths, serverAddress, config.Path) is { } fromConfig) return fromConfig;
            }

            foreach (var path in PodmanAuthFiles(env))
            {
                if (!env.FileExists(path)) continue;
                IReadOnlyList<AuthEntry> auths;
                using (var doc = DockerConfigFile.ParseFile(env, path, "the registry credentials file"))
                {
                    if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                        throw DockerConfigFile.Malformed(path, "the registry credentials file", "the top level is not a JSON object");
                    auths = AuthEntry.ReadAuths(doc.RootElement, path);
                }
                if (FromAuths(auths, serverAddress, path) is { } fromAuthJson) return fromAuthJson;
            }
            return null;
        }

        /// <summary>The credential for the registry of <paramref name="imageReference"/> (e.g. <c>127.0.0.1:5001/private:latest</c>, <c>alpine</c> → Docker Hub).</summary>
        public static Task<OciRegistryCredential?> ResolveForImageAsync(string imageReference, OciCredentialOptions? options = null, CancellationToken cancellationToken = default) =>
            ResolveAsync(ImageReference.Parse(imageReference).Domain, options, cancellationToken);

        /// <summary>Podman's credential files in the order it reads them (<c>REGISTRY_AUTH_FILE</c> alone when set).</summary>
        public static IReadOnlyList<string> PodmanAuthFiles(OciEnvironment? environment = null)
        {
            var env = environment ?? OciEnvironment.Current;
            if (env.NonEmptyVariable("REGISTRY_AUTH_FILE") is { } explicitFile) return new[] { explicitFile };
            var files = new List<string>();
            if (env.NonEmptyVariable("XDG_RUNTIME_DIR") is { } runtime) files.Add(Path.Combine(runtime, "containers", "auth.json"));
            var configHome = env.NonEmptyVariable("XDG_CONFIG_HOME") ?? (env.HomeDirectory is { } home ? Path.Combine(home, ".config") : null);
            if (configHome is not null) files.Add(Path.Combine(configHome, "containers", "auth.json"));
            return files;
        }

        private static OciRegistryCredential? FromAuths(IReadOnlyList<AuthEntry> auths, string serverAddress, string path)
        {
            foreach (var entry in RegistryKeys.Matching(auths, a => a.Key, serverAddress))
            {
                if (entry.Problem is not null)
                    throw new OciException(OciErrorKind.InvalidArgument, $"The credentials for '{entry.Key}' in {path} cannot be used: {entry.Problem}.", serverAddress);
                if (!entry.HasCredential) continue; // "{}" left by docker login when a credsStore keeps the secret
                var credential = entry.IdentityToken is not null
                    ? OciRegistryCredential.FromIdentityToken(entry.IdentityToken, serverAddress, entry.Username)
                    : new OciRegistryCredential(entry.Username!, entry.Password!, serverAddress);
                return credential.WithSource("auths in " + path, serverAddress);
            }
            return null;
        }
    }
}
