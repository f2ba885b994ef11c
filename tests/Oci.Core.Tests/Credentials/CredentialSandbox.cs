using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Oci.Credentials;
using Oci.Tests.Discovery;

namespace Oci.Tests.Credentials
{
    /// <summary>
    /// Temporary Docker and Podman credential stores plus <c>docker-credential-*</c> helper scripts in a
    /// directory that is on the (sandboxed) PATH only.
    /// </summary>
    internal sealed class CredentialSandbox : IDisposable
    {
        public CredentialSandbox()
        {
            Box = new DiscoverySandbox();
        }

        public DiscoverySandbox Box { get; }

        public OciCredentialOptions Options(TimeSpan? helperTimeout = null) => new()
        {
            Environment = Box.Environment(),
            HelperTimeout = helperTimeout ?? TimeSpan.FromSeconds(20),
        };

        /// <summary>Writes ~/.docker/config.json.</summary>
        public string WriteConfig(string json) => Box.WriteConfig(json);

        /// <summary>The JSON of an <c>auths</c> entry with a base64 <c>auth</c> of user:password.</summary>
        public static string Auth(string user, string password) =>
            "{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)) + "\"}";

        /// <summary>
        /// A helper answering <paramref name="answers"/> (server URL → user, secret) and "credentials not found" for
        /// anything else. It records its arguments and stdin beside itself.
        /// </summary>
        public string Helper(string name, params (string Server, string User, string Secret)[] answers)
        {
            var sb = new StringBuilder();
            sb.Append("url=$(cat)\n");
            sb.Append("printf '%s' \"$url\" > \"$0.stdin\"\n");
            sb.Append("printf '%s' \"$*\" > \"$0.args\"\n");
            sb.Append("case \"$url\" in\n");
            foreach (var (server, user, secret) in answers)
                sb.Append($"  '{server}') printf '{{\"ServerURL\":\"%s\",\"Username\":\"{user}\",\"Secret\":\"{secret}\"}}\\n' \"$url\" ;;\n");
            sb.Append("  *) echo 'credentials not found in native keychain'; exit 1 ;;\n");
            sb.Append("esac\n");
            return Script(name, sb.ToString());
        }

        /// <summary>A helper with a script body of its own.</summary>
        public string Script(string name, string body)
        {
            var path = Path.Combine(Box.Bin, "docker-credential-" + name);
            File.WriteAllText(path, "#!/usr/bin/env bash\nset -u\n" + body, new UTF8Encoding(false));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            return path;
        }

        public string? StdinOf(string helper) => File.Exists(helper + ".stdin") ? File.ReadAllText(helper + ".stdin") : null;
        public string? ArgsOf(string helper) => File.Exists(helper + ".args") ? File.ReadAllText(helper + ".args") : null;

        public void Dispose() => Box.Dispose();
    }
}
