using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// Why an ssh process ended without (or while) carrying the engine's API, read from its exit code and stderr as
    /// people read them: ssh's own failures (exit 255: a refused login, an unknown or changed host key, nothing listening)
    /// and the remote command's (exit 127: no such CLI; a CLI that cannot reach its engine).
    /// </summary>
    internal sealed class SshFailure
    {
        private SshFailure(OciErrorKind kind, string why, bool atSsh, bool cliMissing)
        {
            Kind = kind;
            Why = why;
            AtSsh = atSsh;
            CliMissing = cliMissing;
        }

        public OciErrorKind Kind { get; }

        /// <summary>What went wrong, with what to do about it.</summary>
        public string Why { get; }

        /// <summary>True when ssh itself failed (login, host key, network): another remote command would fail the same way.</summary>
        public bool AtSsh { get; }

        /// <summary>True when the remote host has no such CLI (or one too old to dial-stdio).</summary>
        public bool CliMissing { get; }

        /// <summary>
        /// Reads an ended (or, with a null <paramref name="exitCode"/>, a hung and killed) ssh process.
        /// <paramref name="answered"/>: the engine had already answered through it, so this is a connection ending midway.
        /// </summary>
        public static SshFailure Of(SshProcess process, int? exitCode, string destination, bool answered)
        {
            var stderr = process.Stderr;
            var cli = process.Route.Cli;
            var said = LastLine(stderr);
            if (exitCode is null || process.KilledByUs)
                return AtSshFailure(OciErrorKind.EngineUnavailable, $"the ssh connection to {destination} was stopped" + Quoted(said));
            if (answered)
                return AtSshFailure(OciErrorKind.EngineUnavailable,
                    $"the ssh connection to {destination} ended while in use (ssh exited with code {Code(exitCode)})" + Quoted(said));
            // 255 is ssh's own failure; any other code is the remote command's (whose words may mention "permission denied" too).
            if (exitCode == 255) return OfSsh(stderr, said, destination);
            // 128 + a signal's number: ssh was stopped from outside (a remote command's own end is relayed as 255 or its code).
            if (exitCode > 128)
                return AtSshFailure(OciErrorKind.EngineUnavailable, $"the ssh connection to {destination} ended: ssh was stopped (exit code {Code(exitCode)})" + Quoted(said));
            if (exitCode == 127 || Has(stderr, "command not found") || Has(stderr, cli + ": not found") || Has(stderr, "is not recognized as an internal or external command"))
                return new SshFailure(OciErrorKind.EngineUnavailable, $"{cli} is not on the remote host's PATH", atSsh: false, cliMissing: true);
            if (Has(stderr, "unrecognized command") || Has(stderr, "unknown command") || Has(stderr, "is not a " + cli + " command"))
                return new SshFailure(OciErrorKind.EngineUnavailable, $"{cli} on the remote host is too old to dial-stdio" + Quoted(said), atSsh: false, cliMissing: true);
            return new SshFailure(OciErrorKind.EngineUnavailable,
                exitCode == 0
                    ? $"'{process.Route.RemoteCommand}' ended on the remote host without an answer"
                    : $"{cli} on the remote host could not reach its engine (exit code {Code(exitCode)})" + Quoted(said),
                atSsh: false, cliMissing: false);
        }

        private static SshFailure OfSsh(string stderr, string said, string destination)
        {
            if (Has(stderr, "REMOTE HOST IDENTIFICATION HAS CHANGED") || (Has(stderr, "Host key for") && Has(stderr, "has changed")))
                return AtSshFailure(OciErrorKind.EngineUnavailable,
                    $"the host key of {destination} has CHANGED: it is not the key known_hosts holds for that host, so ssh refused to connect (someone may be intercepting the connection). " +
                    "If the host was really reinstalled, remove the old key (ssh-keygen -R <host>) and connect once with ssh to accept the new one");
            if (Has(stderr, "Host key verification failed") || Has(stderr, "host key is known"))
                return AtSshFailure(OciErrorKind.EngineUnavailable,
                    $"the host key of {destination} is not known (it is not in known_hosts), and ssh runs in batch mode, so it cannot ask whether to trust it. " +
                    "Connect once with ssh to accept the key, or add it to known_hosts (ssh-keyscan)");
            if (Has(stderr, "Permission denied"))
                return AtSshFailure(OciErrorKind.Unauthorized,
                    $"ssh could not log in to {destination}: the server refused the keys offered ({said}). " +
                    "Give the key with -KeyFilePath (OciSshSettings.IdentityFile) or add it to ssh-agent; ssh runs in batch mode, so it cannot ask for a password or a key's passphrase (use ssh-agent for such a key)");
            if (Has(stderr, "Connection refused"))
                return AtSshFailure(OciErrorKind.EngineUnavailable, $"nothing accepts ssh connections at {destination} (connection refused)");
            if (Has(stderr, "Could not resolve hostname"))
                return AtSshFailure(OciErrorKind.EngineUnavailable, $"the host of {destination} cannot be found ({said})");
            return AtSshFailure(OciErrorKind.EngineUnavailable, $"ssh to {destination} failed" + Quoted(said));
        }

        /// <summary>
        /// The failure after every remote CLI was tried: the last one's, and when several were tried, what each said, so a
        /// remote without any engine CLI says exactly that.
        /// </summary>
        public static string Combine(string destination, IReadOnlyList<SshFailure> tried)
        {
            var last = tried[tried.Count - 1];
            if (tried.Count == 1) return last.Why;
            if (tried.All(f => f.CliMissing))
                return $"the remote host {destination} has no engine CLI that can relay to its engine: {string.Join("; ", tried.Select(f => f.Why))}. " +
                       "Install the docker or podman CLI there, or put it on the PATH of non-interactive ssh sessions";
            return $"no engine answered through ssh on {destination}: {string.Join("; ", tried.Select(f => f.Why))}";
        }

        public override string ToString() => Why;

        private static SshFailure AtSshFailure(OciErrorKind kind, string why) => new(kind, why, atSsh: true, cliMissing: false);

        private static bool Has(string text, string needle) => text.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Code(int? code) => code?.ToString(CultureInfo.InvariantCulture) ?? "none";

        private static string Quoted(string said) => said.Length == 0 ? string.Empty : $": {said}";

        /// <summary>The last line of stderr that says something (not ssh's "Warning: Permanently added" notes), shortened.</summary>
        private static string LastLine(string stderr)
        {
            var line = stderr.Replace("\r", string.Empty).Split('\n')
                .Select(l => l.Trim())
                .LastOrDefault(l => l.Length > 0 && !l.StartsWith("Warning: Permanently added", StringComparison.Ordinal) && !l.StartsWith("@@@", StringComparison.Ordinal))
                ?? string.Empty;
            return line.Length > 300 ? line.Substring(0, 300) + "…" : line.TrimEnd('.');
        }
    }
}
