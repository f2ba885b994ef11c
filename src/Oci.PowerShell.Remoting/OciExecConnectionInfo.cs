using System;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Management.Automation.Remoting.Client;
using System.Management.Automation.Runspaces;

namespace Oci.PowerShell.Remoting
{
    /// <summary>
    /// Where a PowerShell session in a container goes: the engine connection (an <see cref="OciClient"/>), the container,
    /// the user pwsh runs as and how long it may take to answer. PowerShell asks it for the transport of each runspace it
    /// opens. (Not named ContainerConnectionInfo: System.Management.Automation has a type of that name, for Windows containers.)
    /// </summary>
    internal sealed class OciExecConnectionInfo : RunspaceConnectionInfo
    {
        public OciExecConnectionInfo(OciClient client, string container, string computerName, string? user, TimeSpan connectTimeout)
        {
            Client = client;
            Container = container;
            ComputerName = computerName;
            User = user;
            ConnectTimeout = connectTimeout;
        }

        public OciClient Client { get; }

        /// <summary>The container's name or id, as the engine knows it.</summary>
        public string Container { get; }

        /// <summary>The user pwsh runs as in the container; null = the container's own.</summary>
        public string? User { get; }

        /// <summary>How long the exec and pwsh's first answer may take together.</summary>
        public TimeSpan ConnectTimeout { get; }

        /// <summary>What Get-PSSession and the remote prompt show: the container's name.</summary>
        public override string ComputerName { get; set; }

        // The engine connection carries the authority; a session has no credential, certificate or authentication of its own.
        public override PSCredential? Credential
        {
            get => null;
            set => throw new NotSupportedException("A PowerShell session in a container takes no credential: it runs as -User in the container.");
        }

        public override AuthenticationMechanism AuthenticationMechanism
        {
            get => AuthenticationMechanism.Default;
            set
            {
                if (value != AuthenticationMechanism.Default)
                    throw new NotSupportedException("A PowerShell session in a container has no authentication mechanism to choose.");
            }
        }

        public override string CertificateThumbprint
        {
            get => string.Empty;
            set => throw new NotSupportedException("A PowerShell session in a container takes no certificate.");
        }

        public override RunspaceConnectionInfo Clone() => new OciExecConnectionInfo(Client, Container, ComputerName, User, ConnectTimeout);

        public override BaseClientSessionTransportManager CreateClientSessionTransportManager(Guid instanceId, string sessionName, PSRemotingCryptoHelper cryptoHelper) =>
            new OciExecTransportManager(this, instanceId, cryptoHelper);
    }
}
