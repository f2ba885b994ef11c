using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Runs a container to its end and outputs what it wrote and its exit code, like docker run --rm (-Keep keeps it).</para>
    /// </summary>
    /// <remarks>Ctrl+C stops the run within a moment and removes the container.</remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "OciContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciRunResult))]
    public sealed class InvokeOciContainer : ContainerSpecCmdletBase
    {
        /// <summary>Keep the container after it exited (it is removed by default).</summary>
        [Parameter]
        public SwitchParameter Keep { get; set; }

        /// <summary>The engines to run on (one run each). Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var options = Spec(new OciRunOptions { Keep = Keep });
            foreach (var c in ResolveConnections(Connection))
            {
                if (!ShouldProcess($"{Image} on {c.Name} ({c.Endpoint})", "Run container")) continue;
                var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Run, OciKind.Container, null, options), ct), Image, terminating: false, OciKind.Image);
                foreach (var warning in response?.Warnings ?? System.Array.Empty<string>()) WriteWarning(warning);
                if (response?.Data is OciRunResult result) Emit(result, c);
            }
        }
    }
}
