using System;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Pushes images to their registry, with a progress bar per layer, like docker push.</para>
    /// </summary>
    /// <remarks>
    /// Credentials come as for Invoke-OciPull: -Credential, else what docker login or podman login stored. Each pushed
    /// image is written with the digest the registry stored.
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "OciPush", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciImage))]
    public sealed class InvokeOciPush : OciCmdletBase
    {
        // Oci.Credentials.OciRegistryCredential, typed as object so loading this type never loads Oci.Core.
        private object? _credential;

        /// <summary>The references to push (registry/repository:tag). Binds strings by value and images by their Reference property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name")]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[] Reference { get; set; } = Array.Empty<string>();

        /// <summary>The registry user name and password (Get-Credential). Default: what docker login or podman login stored.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Allows sending credentials to a plain-text (no TLS), non-loopback tcp:// engine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>The engines to push from; from the pipeline, the engine each image came from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void BeginProcessing()
        {
            if (Credential is not null) _credential = Checked(() => RegistryCredentials.From(Credential), Credential.UserName);
        }

        protected override void ProcessRecord()
        {
            foreach (var c in ResolveConnections(Connection))
            {
                foreach (var reference in Reference)
                {
                    if (!ShouldProcess($"{reference} on {c.Name} ({c.Endpoint})", "Push image")) continue;
                    var options = new OciImagePushOptions
                    {
                        Credential = (Oci.Credentials.OciRegistryCredential?)_credential,
                        AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
                    };
                    var progress = new PullProgress(this, Pump, reference, "Pushing");
                    var response = Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Push, OciKind.Image, reference, options), progress.Sink, ct),
                        reference, terminating: false, OciKind.Image, progress);
                    if (response?.Data is not OciImage image) continue;
                    WriteVerbose($"{reference}: pushed {image.Digest} in {response.Duration.TotalMilliseconds:0} ms.");
                    Emit(image, c);
                }
            }
        }
    }
}
