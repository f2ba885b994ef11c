using System.Collections.Generic;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// One way through ssh to the engine: the full <c>ssh</c> argument list that runs <paramref name="Cli"/>'s
    /// <c>system dial-stdio</c> on the remote host, whose stdin and stdout then carry the engine's API.
    /// </summary>
    internal sealed record SshRoute(string Cli, string RemoteCommand, IReadOnlyList<string> Arguments)
    {
        public override string ToString() => RemoteCommand;
    }
}
