using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Oci.Credentials
{
    /// <summary>
    /// Writes the <c>auths</c> map of a credentials file (Docker's config.json, Podman's auth.json) as their own tools do:
    /// every other key kept as it was, the file replaced in one step (written beside, then moved over), readable by its
    /// owner only. No secret reaches a message.
    /// </summary>
    internal static class AuthsFile
    {
        /// <summary>Sets <c>auths[key]</c> to <paramref name="entry"/> (null: removes it); false when removing a key that was not there.</summary>
        public static bool Set(string path, string what, string key, JsonObject? entry)
        {
            var root = Read(path, what);
            if (root["auths"] is not JsonObject auths)
            {
                if (entry is null) return false;
                root["auths"] = auths = new JsonObject();
            }
            bool had = auths.ContainsKey(key);
            if (entry is null) auths.Remove(key);
            else auths[key] = entry;
            if (entry is null && !had) return false;
            Write(path, root);
            return true;
        }

        /// <summary>An entry as <c>docker login</c> writes it: <c>auth</c> = base64 of user:password, or <c>identitytoken</c>.</summary>
        public static JsonObject Entry(OciRegistryCredential credential)
        {
            var entry = new JsonObject();
            if (credential.IsIdentityToken) entry["identitytoken"] = credential.GetIdentityToken();
            else entry["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.GetPassword()));
            return entry;
        }

        private static JsonObject Read(string path, string what)
        {
            if (!File.Exists(path)) return new JsonObject();
            try
            {
                var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                return node as JsonObject ?? throw DockerConfigFile.Malformed(path, what, "the top level is not a JSON object");
            }
            catch (JsonException e)
            {
                throw DockerConfigFile.Malformed(path, what, "it is not valid JSON", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot read {what} at {path}: {e.Message}", path, innerException: e);
            }
        }

        private static void Write(string path, JsonObject root)
        {
            var full = Path.GetFullPath(path);
            var dir = Path.GetDirectoryName(full)!;
            var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                Directory.CreateDirectory(dir);
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    OwnerOnly(temp);
                    var bytes = Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    file.Write(bytes, 0, bytes.Length);
                }
                if (File.Exists(full)) File.Replace(temp, full, null);
                else File.Move(temp, full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try { File.Delete(temp); } catch (Exception) { /* best effort */ }
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot write the credentials file {full}: {e.Message}", full, innerException: e);
            }
        }

        private static void OwnerOnly(string path)
        {
#if NET8_0_OR_GREATER
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
#else
            // netstandard2.0 has no file-mode API; the file inherits the folder's default (the docker CLI's own files are 0600).
            _ = path;
#endif
        }
    }
}
