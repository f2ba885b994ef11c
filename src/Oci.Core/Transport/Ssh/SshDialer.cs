using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// Opens byte streams to an engine over <c>ssh://</c> for one connection: each stream is one <c>ssh</c> process
    /// running the remote engine CLI's <c>system dial-stdio</c>. Each costs an ssh handshake, so a connection keeps at most
    /// <see cref="MaxProcesses"/> at once (the HTTP pool reuses them; on netstandard2.0, where each request opens its own,
    /// further requests wait for one to end). Which remote CLI works is learned from the first stream that gets an answer
    /// and used from then on.
    /// </summary>
    internal sealed class SshDialer
    {
        /// <summary>The most ssh processes one connection runs at once: few handshakes, below sshd's MaxStartups (10).</summary>
        public const int MaxProcesses = 8;

        private readonly string _ssh;
        private readonly OciEnvironment _environment;
        private readonly IReadOnlyList<SshRoute> _routes;
        private readonly SemaphoreSlim _slots = new(MaxProcesses, MaxProcesses);
        private SshRoute? _learned;

        private SshDialer(string ssh, OciEnvironment environment, IReadOnlyList<SshRoute> routes, string destination)
        {
            _ssh = ssh;
            _environment = environment;
            _routes = routes;
            Destination = destination;
        }

        /// <summary><c>user@host[:port]</c>, for messages.</summary>
        public string Destination { get; }

        /// <summary>The route that answered, once one did (tests and diagnostics).</summary>
        public SshRoute? Learned => Volatile.Read(ref _learned);

        /// <summary>The routes tried, in order, until one answers.</summary>
        public IReadOnlyList<SshRoute> Routes => _routes;

        /// <summary>
        /// A dialer for <paramref name="endpoint"/>, checked before anything runs: ssh on the environment's PATH
        /// (Unsupported when absent), the key and config files there (InvalidArgument when not), one user.
        /// </summary>
        public static SshDialer Create(OciEndpoint endpoint, OciSshSettings? settings, OciEnvironment environment, TimeSpan connectTimeout)
        {
            if (!endpoint.IsSsh) throw new ArgumentException("Not an ssh:// endpoint.", nameof(endpoint));
            var ssh = ChildProcesses.Find("ssh", environment)
                ?? throw new OciException(OciErrorKind.Unsupported,
                    $"Cannot connect to '{endpoint}': ssh:// endpoints need the OpenSSH client, and there is no 'ssh' on PATH. " +
                    "Install it (Debian: openssh-client; Windows: the OpenSSH Client optional feature; macOS has it) or put it on PATH.",
                    endpoint.Text, "there is no 'ssh' on PATH");
            foreach (var (path, what) in new[] { (settings?.IdentityFile, "ssh key file"), (settings?.ConfigFile, "ssh config file") })
            {
                if (path is null || IsNullDevice(path) || environment.FileExists(path)) continue;
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"The {what} '{path}'{(settings!.Source is null ? string.Empty : " (" + settings.Source + ")")} does not exist.", path, $"no {what} at {path}");
            }
            var user = SshCommandLine.User(endpoint, settings);
            return new SshDialer(ssh, environment, SshCommandLine.Routes(endpoint, settings, connectTimeout), SshCommandLine.Destination(endpoint, user));
        }

        /// <summary>A stream to the engine: a new ssh process, once fewer than <see cref="MaxProcesses"/> run.</summary>
        public async Task<Stream> DialAsync(CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var routes = Learned is { } learned ? new[] { learned } : _routes;
                return new SshStream(this, routes, Start(routes[0]), () => _slots.Release());
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        internal SshProcess Start(SshRoute route) => SshProcess.Start(_ssh, route, _environment);

        /// <summary>Called when an answer came back over <paramref name="route"/>: later streams go straight to it.</summary>
        internal void Learn(SshRoute route) => Volatile.Write(ref _learned, route);

        public override string ToString() => "ssh " + Destination;

        private static bool IsNullDevice(string path) =>
            path == "/dev/null" || string.Equals(path, "NUL", StringComparison.OrdinalIgnoreCase);
    }
}
