using System;
using System.Collections.Generic;
using System.Linq;

namespace Oci
{
    /// <summary>
    /// How an <c>ssh://</c> endpoint is reached, beyond the endpoint itself: the key, the user, an ssh_config file, extra
    /// <c>ssh -o</c> options, and which engine CLI on the remote host to ask first. The <c>ssh</c> binary runs with the
    /// user's own <c>~/.ssh/config</c>, agent and <c>known_hosts</c> unless these say otherwise, always in batch mode (it
    /// never prompts), so a password cannot be used: use a key or ssh-agent. Discovery only carries these; the transport
    /// applies them. Nothing here is a secret (a key is named by its path, never read).
    /// </summary>
    public sealed class OciSshSettings
    {
        /// <summary>The <see cref="RemoteCli"/> value for the docker CLI (<c>docker system dial-stdio</c>).</summary>
        public const string DockerCli = "docker";

        /// <summary>The <see cref="RemoteCli"/> value for the podman CLI (<c>podman system dial-stdio</c>).</summary>
        public const string PodmanCli = "podman";

        /// <summary>Creates ssh settings; malformed values are refused (InvalidArgument) naming them.</summary>
        /// <param name="identityFile">The private key to log in with (<c>ssh -i</c>); then only that key is offered.</param>
        /// <param name="user">The remote user (<c>ssh -l</c>) when the endpoint names none.</param>
        /// <param name="options">Extra ssh options, each <c>Name=value</c> (<c>ssh -o</c>), e.g. <c>UserKnownHostsFile=/path</c>.</param>
        /// <param name="configFile">An ssh_config file used instead of the user's and the system's (<c>ssh -F</c>).</param>
        /// <param name="remoteCli">The engine CLI on the remote to ask first: <see cref="DockerCli"/> (default) or <see cref="PodmanCli"/>.</param>
        /// <param name="source">Where these settings came from, e.g. <c>CONTAINER_SSHKEY</c> or <c>podman connection 'box'</c>.</param>
        public OciSshSettings(string? identityFile = null, string? user = null, IEnumerable<string>? options = null, string? configFile = null,
            string? remoteCli = null, string? source = null)
        {
            IdentityFile = OciEnvironment.NonEmpty(identityFile?.Trim());
            User = CheckUser(OciEnvironment.NonEmpty(user?.Trim()));
            Options = (options ?? Array.Empty<string>()).Select(CheckOption).ToArray();
            ConfigFile = OciEnvironment.NonEmpty(configFile?.Trim());
            RemoteCli = CheckCli(OciEnvironment.NonEmpty(remoteCli?.Trim()));
            Source = OciEnvironment.NonEmpty(source);
            foreach (var path in new[] { IdentityFile, ConfigFile })
                if (path is not null && path.IndexOfAny(new[] { '\0', '\n', '\r' }) >= 0)
                    throw new OciException(OciErrorKind.InvalidArgument, "An ssh key or config file path cannot contain control characters.", path);
        }

        /// <summary>The private key file (<c>ssh -i</c>, with <c>IdentitiesOnly=yes</c>); null = the user's keys and agent.</summary>
        public string? IdentityFile { get; }

        /// <summary>The remote user when the endpoint names none (<c>ssh -l</c>); null = ssh's own default.</summary>
        public string? User { get; }

        /// <summary>Extra options, each <c>Name=value</c>, passed as <c>ssh -o</c> (ssh takes the first value given for an option).</summary>
        public IReadOnlyList<string> Options { get; }

        /// <summary>An ssh_config file used instead of <c>~/.ssh/config</c> and the system's (<c>ssh -F</c>).</summary>
        public string? ConfigFile { get; }

        /// <summary>
        /// The engine CLI on the remote host asked first to dial the engine: <c>docker</c> (the default) or <c>podman</c>.
        /// The other is tried when the first is missing or cannot reach an engine.
        /// </summary>
        public string? RemoteCli { get; }

        /// <summary>Where these settings came from (for messages).</summary>
        public string? Source { get; }

        /// <summary>
        /// These settings over <paramref name="under"/>: each value set here wins; options are joined with these first
        /// (ssh keeps the first value of an option). Null when both are null.
        /// </summary>
        public static OciSshSettings? Combine(OciSshSettings? over, OciSshSettings? under)
        {
            if (over is null) return under;
            if (under is null) return over;
            return new OciSshSettings(over.IdentityFile ?? under.IdentityFile, over.User ?? under.User, over.Options.Concat(under.Options),
                over.ConfigFile ?? under.ConfigFile, over.RemoteCli ?? under.RemoteCli,
                over.Source is null ? under.Source : under.Source is null ? over.Source : over.Source + ", " + under.Source);
        }

        public override string ToString()
        {
            var parts = new List<string>();
            if (IdentityFile is not null) parts.Add("key " + IdentityFile);
            if (User is not null) parts.Add("user " + User);
            if (ConfigFile is not null) parts.Add("config " + ConfigFile);
            // Option names only: a value is the user's business (and never a password: ssh cannot take one here).
            if (Options.Count > 0) parts.Add("options " + string.Join(", ", Options.Select(o => o.Split('=', ' ')[0])));
            if (RemoteCli is not null) parts.Add(RemoteCli + " first");
            return "ssh (" + (parts.Count == 0 ? "defaults" : string.Join(", ", parts)) + ")" + (Source is null ? string.Empty : " from " + Source);
        }

        private static string? CheckUser(string? user)
        {
            if (user is null) return null;
            if (user.StartsWith("-", StringComparison.Ordinal) || user.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '@' or ':'))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{user}' is not an ssh user name.", user);
            return user;
        }

        private static string CheckOption(string option)
        {
            var o = option?.Trim() ?? string.Empty;
            var eq = o.IndexOf('=');
            var name = eq < 0 ? o : o.Substring(0, eq);
            if (eq <= 0 || !name.All(c => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) || o.Any(char.IsControl))
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"'{option}' is not an ssh option: give Name=value, as ssh -o takes it (for example UserKnownHostsFile=/path/known_hosts).", option);
            return o;
        }

        private static string? CheckCli(string? cli)
        {
            if (cli is null) return null;
            if (string.Equals(cli, DockerCli, StringComparison.OrdinalIgnoreCase)) return DockerCli;
            if (string.Equals(cli, PodmanCli, StringComparison.OrdinalIgnoreCase)) return PodmanCli;
            throw new OciException(OciErrorKind.InvalidArgument, $"'{cli}' is not a remote engine CLI: use {DockerCli} or {PodmanCli}.", cli);
        }
    }
}
