using System;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Copies files and folders between the local file system and a container, like docker cp (container:path on one side).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "OciContainerItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(long))]
    public sealed class CopyOciContainerItem : OciCmdletBase
    {
        /// <summary>What to copy: a local path, or container:path.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Where it goes: container:path, or a local path.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Output the number of bytes of file content copied.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The engines the container is on. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var from = ContainerPath.TryParse(Path);
            var to = ContainerPath.TryParse(Destination);
            if ((from is null) == (to is null))
                ThrowTerminatingError(OciErrors.InvalidArgument("Copy-OciContainerItem copies between a container and the local file system: write the container side as container:path (exactly one of -Path and -Destination).", from is null ? Path : Destination));
            var into = to is not null;
            var container = into ? to!.Value.Container : from!.Value.Container;
            var options = new OciCopyOptions
            {
                Direction = into ? OciCopyDirection.IntoContainer : OciCopyDirection.OutOfContainer,
                Source = into ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path) : from!.Value.Path,
                Destination = into ? to!.Value.Path : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination),
            };
            foreach (var c in ResolveConnections(Connection))
            {
                if (!ShouldProcess($"{options.Source} to {(into ? container + ":" : string.Empty)}{options.Destination} on {c.Name} ({c.Endpoint})", into ? "Copy into container" : "Copy out of container")) continue;
                var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Copy, OciKind.Container, container, options), ct), into ? Destination : Path, terminating: false, OciKind.Container);
                if (response is null) continue;
                foreach (var warning in response.Warnings) WriteWarning(warning);
                WriteVerbose($"Copied {response.Data} bytes of file content ({c.Name}).");
                if (PassThru) WriteObject(response.Data);
            }
        }
    }
}
