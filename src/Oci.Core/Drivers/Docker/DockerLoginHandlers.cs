using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Credentials;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// LOGIN and LOGOUT of a registry: the engine checks the credential (<c>POST /auth</c>), then it is stored where the
    /// driver's own tool keeps it (<see cref="RegistryLoginStore"/>); a refused credential stores nothing.
    /// </summary>
    internal static class DockerLoginHandlers
    {
        public static Task<OciResponse> LoginAsync(DockerConnection c, OciRequest request, OciRegistryLoginOptions options, CancellationToken cancellationToken) =>
            LoginAsync(c, request, options, DockerConfigLoginStore.Instance, CheckWithEngineAsync, cancellationToken);

        public static Task<OciResponse> LogoutAsync(DockerConnection c, OciRequest request, OciRegistryLogoutOptions options, CancellationToken cancellationToken) =>
            LogoutAsync(request, options, DockerConfigLoginStore.Instance, cancellationToken);

        /// <summary>LOGIN with the check and the store a driver uses.</summary>
        internal static async Task<OciResponse> LoginAsync<TConnection>(TConnection c, OciRequest request, OciRegistryLoginOptions options, RegistryLoginStore store,
            System.Func<TConnection, string, OciRegistryCredential, CancellationToken, Task<OciRegistryCredential>> check, CancellationToken cancellationToken)
            where TConnection : DockerConnection
        {
            var server = Server(request);
            var credential = request.RegistryCredential
                ?? throw new OciException(OciErrorKind.Unauthorized, $"LOGIN {request.Target} needs a credential: none was given and none is stored for {server}.", request.Target);
            CheckConfigPath(options.ConfigPath);
            var checkedCredential = await check(c, server, credential, cancellationToken).ConfigureAwait(false);
            var where = await store.StoreAsync(server, checkedCredential, options.ConfigPath, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciRegistryLogin { ServerAddress = server, Username = credential.Username, Status = "Login Succeeded", Store = where }, "Login Succeeded", target: server);
        }

        internal static async Task<OciResponse> LogoutAsync(OciRequest request, OciRegistryLogoutOptions options, RegistryLoginStore store, CancellationToken cancellationToken)
        {
            var server = Server(request);
            CheckConfigPath(options.ConfigPath);
            var where = await store.EraseAsync(server, options.ConfigPath, cancellationToken).ConfigureAwait(false);
            var status = where is null ? "Not logged in" : "Logged out";
            return OciResponse.For(request, new OciRegistryLogin { ServerAddress = server, Status = status, Store = where }, status, target: server);
        }

        /// <summary>
        /// The engine's check (<c>POST /auth</c>): the credential to store — the identity token the registry handed out
        /// in its place, when it did (as <c>docker login</c> stores it).
        /// </summary>
        internal static async Task<OciRegistryCredential> CheckWithEngineAsync(DockerConnection c, string server, OciRegistryCredential credential, CancellationToken cancellationToken)
        {
            var body = new AuthRequestDto
            {
                Username = credential.Username,
                Password = credential.GetPassword(),
                IdentityToken = credential.GetIdentityToken(),
                ServerAddress = server,
            };
            var answer = await c.Http.SendJsonAsync(HttpMethod.Post, "auth", EngineHttp.Json(body, DockerObjectJson.Default.AuthRequestDto), null, DockerObjectJson.Default.AuthResponseDto, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(answer.IdentityToken) ? credential : OciRegistryCredential.FromIdentityToken(answer.IdentityToken!, server, credential.Username);
        }

        /// <summary>The registry as docker keys it; the target checked first.</summary>
        internal static string Server(OciRequest request)
        {
            if (string.IsNullOrWhiteSpace(request.Target))
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} needs a registry (host[:port], or docker.io).", request.Target);
            return RegistryKeys.ServerAddress(request.Target!);
        }

        private static void CheckConfigPath(string? path)
        {
            if (path is not null && (path.Trim().Length == 0 || path.IndexOf('\0') >= 0))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{path}' is not a path.", path);
        }
    }
}
