using System.Collections;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Creates volumes, like docker volume create.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciVolume))]
    public sealed class NewOciVolume : OciCmdletBase
    {
        /// <summary>The names of the volumes to create.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = System.Array.Empty<string>();

        /// <summary>The volume driver. Default: local.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Driver { get; set; }

        /// <summary>The driver's options, e.g. @{ type = 'tmpfs'; device = 'tmpfs' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? DriverOption { get; set; }

        /// <summary>Labels, e.g. @{ team = 'web' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <summary>The engines to create on. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var driverOptions = Checked(() => Dictionaries.Strings(DriverOption, nameof(DriverOption)), DriverOption);
            var labels = Checked(() => Dictionaries.Strings(Label, nameof(Label)), Label);
            foreach (var c in ResolveConnections(Connection))
            {
                foreach (var name in Name)
                {
                    if (!ShouldProcess($"{name} on {c.Name} ({c.Endpoint})", "Create volume")) continue;
                    var options = new OciVolumeCreateOptions { Driver = Driver, DriverOptions = driverOptions, Labels = labels };
                    var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Create, OciKind.Volume, name, options), ct), name, terminating: false, OciKind.Volume);
                    if (response?.Data is { } volume) Emit(volume, c);
                }
            }
        }
    }
}
