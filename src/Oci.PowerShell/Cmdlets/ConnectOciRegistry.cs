using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Logs in to a registry: the engine checks the credential, then it is stored as docker login (or podman login) stores it.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "OciRegistry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciRegistryLogin))]
    public sealed class ConnectOciRegistry : OciCmdletBase
    {
        /// <summary>The registry: host[:port], or docker.io for Docker Hub.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("ServerAddress")]
        public string Registry { get; set; } = string.Empty;

        /// <summary>The user name and password (Get-Credential). Default: the credential already stored, checked again.</summary>
        [Parameter(Position = 1)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Where to store: the docker config folder (docker driver) or the auth file (podman driver). Default: where docker or podman keep it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ConfigPath { get; set; }

        /// <summary>Allows sending the credential to a plain-text (no TLS), non-loopback tcp:// engine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>The engine that checks the credential (its driver decides where it is stored). Default: the session default.</summary>
        [Parameter]
        [ValidateNotNull]
        public OciConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var c = ResolveConnection(Connection);
            var credential = Credential is null ? null : Checked(() => RegistryCredentials.From(Credential), Credential.UserName);
            var path = ConfigPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ConfigPath);
            if (!ShouldProcess($"{Registry} through {c.Name} ({c.Endpoint})", credential is null ? "Log in with the stored credential" : $"Log in as {credential.Username} and store the credential")) return;
            var options = new OciRegistryLoginOptions { Credential = credential, ConfigPath = path, AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent };
            var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Login, OciKind.Registry, Registry, options), ct), Registry, terminating: false, OciKind.Registry);
            if (response?.Data is OciRegistryLogin login) Emit(login, c);
        }
    }
}
