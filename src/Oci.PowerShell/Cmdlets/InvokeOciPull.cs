using System;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Pulls images into the engine, with a progress bar per layer.</para>
    /// Invoke-OciPull [-Reference] &lt;string[]&gt; [-Platform &lt;string&gt;] [-Credential &lt;PSCredential&gt;]
    /// [-AllowUnencryptedAuthentication] [-Connection &lt;OciConnection&gt;]
    /// </summary>
    /// <remarks>
    /// References come from arguments or the pipeline, by value (strings) or by property name (<c>Reference</c>, as on
    /// OciImage). One <c>Oci.OciResponse</c> (Data = <c>Oci.OciImage</c>) per reference; a failing reference is a
    /// non-terminating error and the next one is still pulled. Without -Credential the driver resolves registry
    /// credentials as docker does (credHelpers, credsStore, config.json auths, Podman's auth.json).
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "OciPull", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OciResponse))]
    public sealed class InvokeOciPull : OciCmdletBase
    {
        private OciConnection? _connection;
        // Oci.Credentials.OciRegistryCredential, typed as object so loading this type never loads Oci.Core.
        private object? _credential;

        /// <summary>Image references to pull (<c>[registry/]repository[:tag][@digest]</c>).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Reference { get; set; } = Array.Empty<string>();

        /// <summary>The platform to pull, os[/arch[/variant]] (e.g. linux/amd64). Default: the engine's own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Platform { get; set; }

        /// <summary>The registry user name and password (Get-Credential). Default: resolved as docker does.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Allows sending credentials to a plain-text (no TLS), non-loopback tcp:// engine, as Invoke-WebRequest's switch.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>The connection to use. Default: the session default (Connect-OciEngine).</summary>
        [Parameter]
        [ValidateNotNull]
        public OciConnection? Connection { get; set; }

        protected override void BeginProcessing()
        {
            _connection = ResolveConnection(Connection);
            if (Credential is not null) _credential = Checked(() => RegistryCredentials.From(Credential), Credential.UserName);
        }

        protected override void ProcessRecord()
        {
            var connection = _connection!;
            foreach (var reference in Reference)
            {
                if (!ShouldProcess($"{reference} on {connection}", "Pull image")) continue;
                Pull(connection, reference);
            }
        }

        private void Pull(OciConnection connection, string reference)
        {
            var credential = (Oci.Credentials.OciRegistryCredential?)_credential;
            if (VerboseWanted)
                WriteVerbose($"PULL IMAGE {reference}{(Platform is null ? string.Empty : " platform=" + Platform)} on {connection}" +
                             (credential is null ? string.Empty : $" with the registry credential of user '{credential.Username}'") +
                             (AllowUnencryptedAuthentication ? " (unencrypted authentication allowed)" : string.Empty));
            var options = new OciPullOptions
            {
                Platform = Platform,
                Credential = credential,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
            };
            var progress = ProgressWanted ? new PullProgress(this, Pump, reference) : null;
            var response = Invoke(ct => connection.Client.PullAsync(reference, options, progress?.Sink, ct), reference, terminating: false, OciKind.Image, progress);
            if (response is null) return;
            if (VerboseWanted) WriteVerbose($"{reference}: {response.Status} in {response.Duration.TotalMilliseconds:0} ms.");
            WriteObject(response);
        }
    }
}
