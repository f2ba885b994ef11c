using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Logs out of a registry: erases the stored credential, like docker logout (or podman logout).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OciRegistry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciRegistryLogin))]
    public sealed class DisconnectOciRegistry : OciCmdletBase
    {
        /// <summary>The registry: host[:port], or docker.io for Docker Hub.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("ServerAddress")]
        public string[] Registry { get; set; } = System.Array.Empty<string>();

        /// <summary>Where the credential is stored, when not the default (see Connect-OciRegistry).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ConfigPath { get; set; }

        /// <summary>Output what was erased.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The connection whose driver says where credentials are stored. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var c = ResolveConnection(Connection);
            var path = ConfigPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ConfigPath);
            foreach (var registry in Registry)
            {
                if (!ShouldProcess($"{registry} ({c.Driver} credentials)", "Log out and erase the stored credential")) continue;
                var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Logout, OciKind.Registry, registry, new OciRegistryLogoutOptions { ConfigPath = path }), ct),
                    registry, terminating: false, OciKind.Registry);
                if (response?.Data is not OciRegistryLogin logout) continue;
                WriteVerbose($"{registry}: {logout.Status}{(logout.Store is null ? string.Empty : " (" + logout.Store + ")")}.");
                if (PassThru) Emit(logout, c);
            }
        }
    }
}
