using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Oci.Credentials
{
    /// <summary>
    /// The <c>X-Registry-Auth</c> header a Docker-API engine reads registry credentials from: base64url (RFC 4648
    /// §5, padded, as the docker CLI writes and the engine decodes) of the JSON <c>{"username","password","serveraddress"}</c>
    /// or <c>{"identitytoken","serveraddress"}</c>. A value in the standard base64 alphabet is silently ignored by
    /// the engine, so the alphabet matters.
    /// </summary>
    public static class RegistryAuthHeader
    {
        /// <summary>The header's name.</summary>
        public const string Name = "X-Registry-Auth";

        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

        /// <summary>The header value for <paramref name="credential"/>.</summary>
        public static string Encode(OciRegistryCredential credential)
        {
            if (credential is null) throw new OciException(OciErrorKind.InvalidArgument, "A credential is required to build the X-Registry-Auth header.");
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                if (credential.IsIdentityToken)
                {
                    json.WriteString("identitytoken", credential.GetIdentityToken());
                }
                else
                {
                    json.WriteString("username", credential.Username);
                    json.WriteString("password", credential.GetPassword());
                }
                if (credential.ServerAddress is not null) json.WriteString("serveraddress", credential.ServerAddress);
                json.WriteEndObject();
            }
            return Convert.ToBase64String(buffer.ToArray()).Replace('+', '-').Replace('/', '_');
        }

        /// <summary>Reads a header value back (URL-safe or standard alphabet, padded or not); InvalidArgument when it is not one.</summary>
        public static OciRegistryCredential Decode(string headerValue)
        {
            if (string.IsNullOrWhiteSpace(headerValue)) throw Invalid();
            var b64 = headerValue.Trim().Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            try
            {
                using var doc = JsonDocument.Parse(Convert.FromBase64String(b64));
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw Invalid();
                string? Get(string name) => OciEnvironment.NonEmpty(Json.String(root, name, Name));
                var server = Get("serveraddress");
                if (Get("identitytoken") is { } token) return OciRegistryCredential.FromIdentityToken(token, server, Get("username"));
                var user = Get("username") ?? throw Invalid();
                return new OciRegistryCredential(user, Get("password") ?? string.Empty, server);
            }
            catch (Exception e) when (e is FormatException or JsonException or OciException { Kind: OciErrorKind.InvalidArgument })
            {
                throw Invalid();
            }
        }

        /// <summary>
        /// True when credentials sent to <paramref name="endpoint"/> stay private: a unix socket, a named pipe or loopback
        /// TCP (<see cref="OciEndpoint.IsLocal"/>), or an encrypted connection (TLS, ssh).
        /// </summary>
        public static bool IsSecureTransport(OciEndpoint endpoint, bool encrypted) =>
            endpoint is not null && (encrypted || endpoint.Scheme == "https" || endpoint.IsLocal);

        /// <summary>
        /// Fails (InvalidArgument) when credentials would cross a plain-text, non-loopback TCP connection and the
        /// caller did not allow it (<c>-AllowUnencryptedAuthentication</c>, as <c>Invoke-WebRequest</c> has).
        /// </summary>
        public static void EnsureSecureTransport(IOciConnection connection, bool allowUnencryptedAuthentication)
        {
            if (allowUnencryptedAuthentication || IsSecureTransport(connection.Endpoint, connection.IsEncrypted)) return;
            throw new OciException(OciErrorKind.InvalidArgument,
                $"Refusing to send registry credentials to the engine at {connection.Endpoint}: the connection is neither encrypted nor local. "
                + "Connect with TLS, or allow it explicitly (-AllowUnencryptedAuthentication).", connection.Endpoint.ToString());
        }

        private static OciException Invalid() =>
            new(OciErrorKind.InvalidArgument, $"The value is not an {Name} header (base64url of a JSON credential).");
    }
}
