using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Connects to an OCI container engine and makes the connection the session default.</para>
    /// Connect-OciEngine [[-Endpoint] &lt;string&gt;] [-Driver &lt;string&gt;] [-Name &lt;string&gt;]
    /// </summary>
    /// <remarks>
    /// Endpoint default: <c>$env:DOCKER_HOST</c> when set, else the platform's Docker socket. Name default: the next
    /// free <c>ociN</c> of the session. A -Name already used in the session is an error (<c>Oci.ConnectionNameInUse</c>),
    /// not a silent replacement: the old connection may be in use by a script's variables or another runspace.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Connect, "OciEngine")]
    [OutputType(typeof(OciConnection))]
    public sealed class ConnectOciEngine : OciCmdletBase
    {
        internal const string DefaultDriver = "docker";

        /// <summary>The engine endpoint: unix:///path, tcp://host:port, http(s)://host:port, npipe:////./pipe/name.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>The driver to connect through (default: docker).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DriverNameCompleter))]
        public string Driver { get; set; } = DefaultDriver;

        /// <summary>The connection's name in the session (default: oci1, oci2, ...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The endpoint used when -Endpoint is not given.</summary>
        internal static string DefaultEndpoint()
        {
            var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
            if (!string.IsNullOrWhiteSpace(dockerHost)) return dockerHost!.Trim();
            return RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? "npipe:////./pipe/docker_engine"
                : "unix:///var/run/docker.sock";
        }

        protected override void EndProcessing()
        {
            var session = Session;
            var name = Name?.Trim();
            if (name is not null)
            {
                if (name.Length == 0 || WildcardPattern.ContainsWildcardCharacters(name))
                    ThrowTerminatingError(OciErrors.InvalidArgument($"'{Name}' is not a valid connection name: a name cannot contain the wildcard characters *, ?, [ or ].", Name));
                if (session.Contains(name))
                    ThrowTerminatingError(OciErrors.ConnectionNameInUse(name));
            }
            var endpoint = Endpoint ?? DefaultEndpoint();
            IOciDriver? driver = null;
            try
            {
                driver = OciDrivers.Get(Driver);
            }
            catch (OciException e)
            {
                ThrowTerminatingError(OciErrors.From(e, Driver, imageTarget: false));
            }
            WriteVerbose($"Connecting to {endpoint} through the {driver!.Name} driver.");

            Task<OciClient>? pending = null;
            OciClient client;
            try
            {
                client = Pump.Run(() => OciClient.ConnectAsync(driver, endpoint, StopToken), StopToken,
                    System.Threading.Timeout.InfiniteTimeSpan, null, out pending);
            }
            catch (Exception e) when (StopToken.IsCancellationRequested && e is OperationCanceledException or OciException { Kind: OciErrorKind.Cancelled })
            {
                // Abandoned on Ctrl+C: a connect that still completes later must not leak its client.
                pending?.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
                throw new PipelineStoppedException();
            }
            catch (OciException e)
            {
                ThrowTerminatingError(OciErrors.From(e, endpoint, imageTarget: false));
                return;
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                ThrowTerminatingError(OciErrors.Unexpected(e, endpoint));
                return;
            }

            var connection = new OciConnection(name ?? session.NextName(), client, session);
            if (!session.TryAdd(connection))
            {
                client.Dispose();
                ThrowTerminatingError(OciErrors.ConnectionNameInUse(connection.Name));
            }
            WriteVerbose($"Connected to {connection.Engine} {connection.EngineVersion} (API {connection.ApiVersion}) at {connection.Endpoint} as '{connection.Name}', now the session default.");
            WriteObject(connection);
        }
    }
}
