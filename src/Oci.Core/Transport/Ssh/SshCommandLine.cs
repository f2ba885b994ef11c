using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// The <c>ssh</c> command lines for an <c>ssh://</c> endpoint, the way the docker CLI builds its own: batch mode (never
    /// a prompt), the settings' config file, options, key and user, a connect timeout and keepalives, the port, then
    /// <c>--</c>, the host and the remote command. The remote command is an engine CLI's <c>system dial-stdio</c>, which relays stdin and stdout to the
    /// engine's socket (<c>ssh -W</c> cannot reach a unix socket with OpenSSH 9.2; a <c>-L</c> forward needs a local socket
    /// file, which other local users could reach).
    /// </summary>
    internal static class SshCommandLine
    {
        /// <summary>How often ssh checks that the server still answers (<c>ServerAliveInterval</c>), in seconds.</summary>
        public const int ServerAliveSeconds = 15;

        /// <summary>
        /// Every route to try, in order: the preferred CLI's dial-stdio (<see cref="OciSshSettings.RemoteCli"/>; docker by
        /// default, as <c>docker -H ssh://</c> runs), then the other's. With a socket path in the endpoint each CLI is
        /// pointed at it (<c>docker --host unix://PATH</c>, <c>podman --url unix://PATH</c>); without one each uses its
        /// own default (DOCKER_HOST or /var/run/docker.sock; Podman's service socket).
        /// </summary>
        public static IReadOnlyList<SshRoute> Routes(OciEndpoint endpoint, OciSshSettings? settings, TimeSpan connectTimeout)
        {
            var first = settings?.RemoteCli ?? OciSshSettings.DockerCli;
            var order = first == OciSshSettings.PodmanCli
                ? new[] { OciSshSettings.PodmanCli, OciSshSettings.DockerCli }
                : new[] { OciSshSettings.DockerCli, OciSshSettings.PodmanCli };
            var user = User(endpoint, settings);
            return order.Select(cli =>
            {
                var command = RemoteCommand(cli, endpoint.Path);
                return new SshRoute(cli, command, Arguments(endpoint, settings, user, connectTimeout, command));
            }).ToArray();
        }

        /// <summary>The remote user: the endpoint's, else the settings'; both, and different, is InvalidArgument.</summary>
        public static string? User(OciEndpoint endpoint, OciSshSettings? settings)
        {
            if (endpoint.User is { } u && settings?.User is { } s && !string.Equals(u, s, StringComparison.Ordinal))
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"The endpoint '{endpoint}' names the ssh user '{u}', and the ssh settings name '{s}' ({settings.Source ?? "given"}): name the user once.", endpoint.Text);
            return endpoint.User ?? settings?.User;
        }

        /// <summary><c>user@host[:port]</c>, for messages.</summary>
        public static string Destination(OciEndpoint endpoint, string? user) =>
            (user is null ? string.Empty : user + "@") + (endpoint.Host!.IndexOf(':') >= 0 ? "[" + endpoint.Host + "]" : endpoint.Host)
            + (endpoint.Port > 0 ? ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture) : string.Empty);

        private static string RemoteCommand(string cli, string? socket)
        {
            if (socket is null) return cli + " system dial-stdio";
            var flag = cli == OciSshSettings.PodmanCli ? "--url" : "--host";
            return $"{cli} {flag} {ShellWord("unix://" + socket)} system dial-stdio";
        }

        private static IReadOnlyList<string> Arguments(OciEndpoint endpoint, OciSshSettings? settings, string? user, TimeSpan connectTimeout, string remoteCommand)
        {
            var args = new List<string>();
            if (settings?.ConfigFile is { } config) args.AddRange(new[] { "-F", config });
            // ssh keeps the first value it is given for an option: batch mode cannot be turned off by anything after it.
            args.AddRange(new[] { "-o", "BatchMode=yes" });
            foreach (var option in settings?.Options ?? Array.Empty<string>()) args.AddRange(new[] { "-o", option });
            if (settings?.IdentityFile is { } key) args.AddRange(new[] { "-i", key, "-o", "IdentitiesOnly=yes" });
            if (connectTimeout != Timeout.InfiniteTimeSpan)
                args.AddRange(new[] { "-o", "ConnectTimeout=" + Math.Max(1, (int)Math.Ceiling(connectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) });
            // A peer that goes silent (a network gone, a host frozen) would hold a stream forever: ssh asks every 15 s
            // and gives up after 3 unanswered asks, so a request fails within a minute. Options given above win.
            args.AddRange(new[] { "-o", "ServerAliveInterval=" + ServerAliveSeconds.ToString(CultureInfo.InvariantCulture), "-o", "ServerAliveCountMax=3" });
            if (user is not null) args.AddRange(new[] { "-l", user });
            if (endpoint.Port > 0) args.AddRange(new[] { "-p", endpoint.Port.ToString(CultureInfo.InvariantCulture) });
            // "--": nothing after it is read as an option, whatever the host looks like.
            args.AddRange(new[] { "--", endpoint.Host!, remoteCommand });
            return args;
        }

        /// <summary>A word the remote (POSIX) shell reads back unchanged: as it is when plain, else in single quotes.</summary>
        internal static string ShellWord(string word) =>
            word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "/._+-:@%=,~".IndexOf(c) >= 0)
                ? word
                : "'" + word.Replace("'", "'\\''") + "'";
    }
}
