using System.Collections;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Creates networks, like docker network create.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciNetwork))]
    public sealed class NewOciNetwork : OciCmdletBase
    {
        /// <summary>The names of the networks to create.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = System.Array.Empty<string>();

        /// <summary>The network driver. Default: the engine's (bridge).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        /// <summary>Containers on the network cannot reach outside it.</summary>
        [Parameter]
        public SwitchParameter Internal { get; set; }

        /// <summary>The subnet in CIDR form (10.89.3.0/24). Default: the engine picks one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Subnet { get; set; }

        /// <summary>The gateway in -Subnet. Default: the engine picks one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Gateway { get; set; }

        /// <summary>Enable IPv6 on the network.</summary>
        [Parameter]
        public SwitchParameter IPv6 { get; set; }

        /// <summary>Labels, e.g. @{ team = 'web' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <summary>The driver's options.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Option { get; set; }

        /// <summary>The engines to create on. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var labels = Checked(() => Dictionaries.Strings(Label, nameof(Label)), Label);
            var driverOptions = Checked(() => Dictionaries.Strings(Option, nameof(Option)), Option);
            foreach (var c in ResolveConnections(Connection))
            {
                foreach (var name in Name)
                {
                    if (!ShouldProcess($"{name} on {c.Name} ({c.Endpoint})", "Create network")) continue;
                    var options = new OciNetworkCreateOptions
                    {
                        Driver = Driver, Internal = Internal, Subnet = Subnet, Gateway = Gateway, EnableIPv6 = IPv6, Labels = labels, Options = driverOptions,
                    };
                    var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Network, name, options), ct), name, terminating: false, OciKind.Network);
                    if (response is null) continue;
                    foreach (var warning in response.Warnings) WriteWarning(warning);
                    Emit(response.Data!, c);
                }
            }
        }
    }
}
