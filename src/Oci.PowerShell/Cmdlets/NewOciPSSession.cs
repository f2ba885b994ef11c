using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Opens PowerShell sessions in running containers: pwsh inside, reached over the engine's exec, as real PSSessions.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OciPSSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSSession))]
    public sealed class NewOciPSSession : ContainerSessionCmdletBase
    {
        /// <summary>Container names or ids (full, or a unique prefix); from the pipeline, the containers Get-OciContainer wrote.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Id", "ContainerId")]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Container { get; set; } = Array.Empty<string>();

        /// <summary>A friendly name for the sessions (Get-PSSession -Name); default: PowerShell's RunspaceN.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var (target, c) in Targets(Container, "Start a PowerShell session in container"))
                if (Open(target, c) is { } runspace) WriteObject(ToPSSession(runspace, listed: true, Name));
        }
    }
}
