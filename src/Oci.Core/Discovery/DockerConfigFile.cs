using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Oci
{
    /// <summary>
    /// Docker's client configuration (<c>config.json</c> in <c>DOCKER_CONFIG</c> or <c>~/.docker</c>) and its
    /// context store, read the way the docker CLI reads them (field names match case-insensitively, as Go's
    /// JSON decoder does).
    /// </summary>
    internal sealed class DockerConfigFile
    {
        private DockerConfigFile(string path, bool exists)
        {
            Path = path;
            Exists = exists;
        }

        /// <summary>The file's path (whether or not it exists).</summary>
        public string Path { get; }

        public bool Exists { get; }

        public string? CurrentContext { get; private set; }

        public string? CredsStore { get; private set; }

        public IReadOnlyDictionary<string, string> CredHelpers { get; private set; } = new Dictionary<string, string>();

        public IReadOnlyList<AuthEntry> Auths { get; private set; } = Array.Empty<AuthEntry>();

        /// <summary>The path of <c>config.json</c> in <paramref name="configDirectory"/>.</summary>
        public static string PathIn(string configDirectory) => System.IO.Path.Combine(configDirectory, "config.json");

        /// <summary>
        /// Reads <c>config.json</c> from the environment's Docker config directory; null when there is no such
        /// directory (no home). A missing file is an empty configuration; a malformed one throws InvalidArgument.
        /// </summary>
        public static DockerConfigFile? Load(OciEnvironment environment)
        {
            var dir = environment.DockerConfigDirectory;
            return dir is null ? null : Load(environment, PathIn(dir));
        }

        public static DockerConfigFile Load(OciEnvironment environment, string path)
        {
            if (!environment.FileExists(path)) return new DockerConfigFile(path, false);
            var config = new DockerConfigFile(path, true);
            using var doc = ParseFile(environment, path, "Docker's configuration");
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Malformed(path, "Docker's configuration", "the top level is not a JSON object");
            config.CurrentContext = Json.String(root, "currentContext", path);
            config.CredsStore = Json.String(root, "credsStore", path);
            var helpers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Json.Property(root, "credHelpers") is { ValueKind: JsonValueKind.Object } ch)
                foreach (var p in ch.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(p.Value.GetString()))
                        helpers[p.Name] = p.Value.GetString()!;
            config.CredHelpers = helpers;
            config.Auths = AuthEntry.ReadAuths(root, path);
            return config;
        }

        /// <summary>Parses a JSON file; an unreadable or malformed file throws InvalidArgument naming it (never its contents).</summary>
        public static JsonDocument ParseFile(OciEnvironment environment, string path, string what)
        {
            string text;
            try
            {
                text = environment.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot read {what} at {path}: {e.Message}", path, innerException: e);
            }
            try
            {
                return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                // The parser's message names a position, not the content: safe to show even for credential files.
                throw Malformed(path, what, "it is not valid JSON (" + PositionOf(e) + ")", e);
            }
        }

        public static OciException Malformed(string path, string what, string why, Exception? inner = null) =>
            new(OciErrorKind.InvalidArgument, $"{Capitalize(what)} at {path} is malformed: {why}.", path, innerException: inner);

        private static string PositionOf(JsonException e) =>
            e.LineNumber is { } line ? $"line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1}" : "unreadable";

        private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

        // ---- contexts ----

        /// <summary>The context store's directory name for <paramref name="contextName"/>: the SHA-256 of the name, in hex.</summary>
        public static string ContextDirectoryName(string contextName)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(contextName));
            var sb = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary><c>&lt;config dir&gt;/contexts/meta/&lt;sha256&gt;/meta.json</c>.</summary>
        public static string ContextMetaPath(string configDirectory, string contextName) =>
            System.IO.Path.Combine(configDirectory, "contexts", "meta", ContextDirectoryName(contextName), "meta.json");

        /// <summary><c>&lt;config dir&gt;/contexts/tls/&lt;sha256&gt;/docker</c>, where ca.pem, cert.pem and key.pem live.</summary>
        public static string ContextTlsDirectory(string configDirectory, string contextName) =>
            System.IO.Path.Combine(configDirectory, "contexts", "tls", ContextDirectoryName(contextName), "docker");
    }

    /// <summary>One entry of an <c>auths</c> map (Docker's config.json or Podman's auth.json).</summary>
    internal sealed class AuthEntry
    {
        public AuthEntry(string key, string? username, string? password, string? identityToken, string? problem)
        {
            Key = key;
            Username = username;
            Password = password;
            IdentityToken = identityToken;
            Problem = problem;
        }

        public string Key { get; }
        public string? Username { get; }
        public string? Password { get; }
        public string? IdentityToken { get; }

        /// <summary>Why the entry cannot be used (e.g. an <c>auth</c> value that is not base64 of user:password).</summary>
        public string? Problem { get; }

        /// <summary>True when the entry holds a usable credential (Docker leaves <c>{}</c> entries when a credsStore keeps the secret).</summary>
        public bool HasCredential => Problem is null && (IdentityToken is not null || (Username is not null && Password is not null));

        public static IReadOnlyList<AuthEntry> ReadAuths(JsonElement root, string path)
        {
            var list = new List<AuthEntry>();
            if (Json.Property(root, "auths") is not { } auths) return list;
            if (auths.ValueKind == JsonValueKind.Null) return list;
            if (auths.ValueKind != JsonValueKind.Object)
                throw DockerConfigFile.Malformed(path, "the credentials file", "\"auths\" is not a JSON object");
            foreach (var p in auths.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Object) { list.Add(new AuthEntry(p.Name, null, null, null, "the entry is not a JSON object")); continue; }
                string? user, pass, token;
                try
                {
                    user = OciEnvironment.NonEmpty(Json.String(p.Value, "username", path));
                    pass = OciEnvironment.NonEmpty(Json.String(p.Value, "password", path));
                    token = OciEnvironment.NonEmpty(Json.String(p.Value, "identitytoken", path));
                }
                catch (OciException)
                {
                    list.Add(new AuthEntry(p.Name, null, null, null, "a field is not a string"));
                    continue;
                }
                string? problem = null;
                string? auth;
                try { auth = OciEnvironment.NonEmpty(Json.String(p.Value, "auth", path)); }
                catch (OciException) { auth = null; problem = "its \"auth\" value is not a string"; }
                if (auth is not null)
                {
                    // As Docker's decodeAuth: base64 of "user:password"; the value itself is never shown.
                    if (TryDecodeAuth(auth, out var u, out var pw)) { user = u; pass = pw; }
                    else problem = "its \"auth\" value is not base64 of user:password";
                }
                list.Add(new AuthEntry(p.Name, user, pass, token, problem));
            }
            return list;
        }

        private static bool TryDecodeAuth(string auth, out string? user, out string? password)
        {
            user = password = null;
            byte[] bytes;
            try { bytes = Convert.FromBase64String(auth.Trim()); }
            catch (FormatException) { return false; }
            var text = Encoding.UTF8.GetString(bytes);
            var colon = text.IndexOf(':');
            if (colon <= 0) return false;
            user = text.Substring(0, colon);
            password = text.Substring(colon + 1).Trim('\0');
            return true;
        }

        public override string ToString() => Key; // never the secret
    }

    /// <summary>Case-insensitive (exact match first) JSON property access, as Go's encoding/json matches fields.</summary>
    internal static class Json
    {
        public static JsonElement? Property(JsonElement obj, string name)
        {
            if (obj.ValueKind != JsonValueKind.Object) return null;
            if (obj.TryGetProperty(name, out var exact)) return exact;
            foreach (var p in obj.EnumerateObject())
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
            return null;
        }

        /// <summary>The string property <paramref name="name"/>; null when absent or null; InvalidArgument when of another type.</summary>
        public static string? String(JsonElement obj, string name, string path)
        {
            if (Property(obj, name) is not { } v || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind != JsonValueKind.String)
                throw DockerConfigFile.Malformed(path, "the file", $"\"{name}\" is not a string");
            return v.GetString();
        }

        public static bool? Bool(JsonElement obj, string name, string path)
        {
            if (Property(obj, name) is not { } v || v.ValueKind == JsonValueKind.Null) return null;
            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw DockerConfigFile.Malformed(path, "the file", $"\"{name}\" is not true or false"),
            };
        }
    }
}
