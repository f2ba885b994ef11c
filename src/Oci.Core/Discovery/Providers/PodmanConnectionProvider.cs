using System.Collections.Generic;
using System.Linq;

namespace Oci.Discovery.Providers
{
    /// <summary>
    /// Podman's named connections (<see cref="PodmanConnections"/>): the rung of the one in effect
    /// (<c>CONTAINER_CONNECTION</c>, else the default), or the rung of all the others. Each candidate carries the
    /// connection's key and asks the remote's podman first. A file that cannot be read, or a <c>CONTAINER_CONNECTION</c>
    /// naming no connection, is a candidate with a problem, so discovery can say why it was passed over.
    /// </summary>
    internal sealed class PodmanConnectionProvider : OciEndpointProvider
    {
        private readonly bool _default;

        /// <param name="inEffect">True: the connection in effect only; false: every other connection.</param>
        public PodmanConnectionProvider(bool inEffect) => _default = inEffect;

        public override OciEndpointSource Source => _default ? OciEndpointSource.PodmanDefaultConnection : OciEndpointSource.PodmanConnection;

        public override IEnumerable<OciEndpointCandidate> GetCandidates(OciEnvironment environment)
        {
            var connections = PodmanConnections.Load(environment);
            if (!_default)
                return connections.All.Where(c => c.Name != connections.DefaultName).Select(c => Candidate(c, $"podman connection '{c.Name}'", environment));
            var list = new List<OciEndpointCandidate>();
            // Problems of the files are reported once, with the connection in effect (or in its place).
            foreach (var problem in connections.Problems)
                list.Add(new OciEndpointCandidate(null, Source, "podman connections", problem: problem));
            if (connections.DefaultName is { } name)
            {
                var description = $"podman connection '{name}' ({connections.DefaultFrom})";
                list.Add(connections.All.FirstOrDefault(c => c.Name == name) is { } found
                    ? Candidate(found, description, environment)
                    : new OciEndpointCandidate(null, Source, description, connectionName: name,
                        problem: $"there is no Podman connection named '{name}' (podman system connection list)"));
            }
            return list;
        }

        private OciEndpointCandidate Candidate(PodmanNamedConnection c, string description, OciEnvironment environment)
        {
            if (c.Uri is null)
                return new OciEndpointCandidate(null, Source, description, connectionName: c.Name, problem: $"it has no URI (in {c.File})");
            // A podman machine is a VM on this computer whose host key changes with every new VM: Podman does not check it,
            // and neither is it checked here, for a loopback address only.
            var machine = c.IsMachine && OciEndpoint.TryParse(c.Uri, out var e, out _) && e!.IsSsh && IsLoopback(e.Host)
                ? new[] { "StrictHostKeyChecking=no", "UserKnownHostsFile=" + (environment.IsWindows ? "NUL" : "/dev/null") }
                : null;
            return new OciEndpointCandidate(c.Uri, Source, description, connectionName: c.Name,
                ssh: new OciSshSettings(identityFile: c.Identity, options: machine, remoteCli: OciSshSettings.PodmanCli, source: $"podman connection '{c.Name}'"));
        }

        private static bool IsLoopback(string? host) =>
            host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }
}
