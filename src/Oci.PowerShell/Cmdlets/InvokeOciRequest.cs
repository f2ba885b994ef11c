using System.Collections;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Sends any request the connection's driver supports and outputs the engine's answer.</para>
    /// Invoke-OciRequest [-Method] &lt;string&gt; [[-Target] &lt;string&gt;] [-Kind &lt;OciKind&gt;] [-Parameters &lt;hashtable&gt;] [-Connection &lt;OciConnection&gt;]
    /// </summary>
    /// <remarks>-Verbose shows the request line (secrets redacted by Oci.Core). Failures are terminating errors.</remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "OciRequest")]
    [OutputType(typeof(OciResponse))]
    public sealed class InvokeOciRequest : OciCmdletBase
    {
        // Boxed Oci.OciKind: a field of an Oci.Core value type would make loading this type (when PowerShell scans
        // the module, before the dependency resolver is installed) load Oci.Core.
        private object? _kind;

        /// <summary>The method (PING, VERSION, INFO, PULL, LIST, INSPECT, TAG, REMOVE, CREATE, START, STOP, LOGS, EXEC, RUN, ..., or a driver's own); the driver must serve it for -Kind.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MethodCompleter))]
        public string Method { get; set; } = string.Empty;

        /// <summary>What the method acts on: an image reference or id, a container id or name.</summary>
        [Parameter(Position = 1)]
        public string? Target { get; set; }

        /// <summary>The kind of target (Image, Container, Engine). Default: the method's own (Engine for PING/VERSION/INFO, else Image).</summary>
        [Parameter]
        public OciKind Kind
        {
            get => _kind is null ? default : (OciKind)_kind;
            set => _kind = value;
        }

        /// <summary>
        /// The method's parameters, e.g. @{ all = $true } for LIST, @{ tag = 'repo:new' } for TAG, or
        /// @{ credential = $cred } for PULL (a PSCredential value is passed as an Oci.Credentials.OciRegistryCredential).
        /// </summary>
        [Parameter]
        public Hashtable? Parameters { get; set; }

        /// <summary>The connection to use. Default: the session default (Connect-OciEngine).</summary>
        [Parameter]
        [ValidateNotNull]
        public OciConnection? Connection { get; set; }

        protected override void EndProcessing()
        {
            var connection = ResolveConnection(Connection);
            var request = Checked(() => OciRequest.Create(Method, _kind is null ? null : (OciKind?)(OciKind)_kind, Target, ParameterValues.Convert(Parameters)), Target ?? Method);
            if (VerboseWanted)
            {
                WriteVerbose(request.ToString());
                WriteVerbose($"Sending to {connection}.");
            }
            // Methods that report progress (PULL) get the same bars as Invoke-OciPull, created with the first event;
            // no sink at all when progress is not shown.
            var progress = ProgressWanted ? new PullProgress(this, Pump) : null;
            var targetKind = request.Target is null ? (OciKind?)null : request.Kind;
            var response = Invoke(ct => connection.Client.ExecuteAsync(request, progress?.Sink, ct), Target ?? request.Method, terminating: true, targetKind, progress)!;
            if (OciClient.IsStream(response.Data))
            {
                // A streaming method (logs that follow, events): its items, as they arrive.
                if (VerboseWanted) WriteVerbose($"{response.Status}: streaming.");
                InvokeStream<object>((onItem, ct) => OciClient.ForEachAsync(response.Data!, onItem, ct), item => Emit(item, connection), Target ?? request.Method, terminating: true, targetKind);
                return;
            }
            if (VerboseWanted) WriteVerbose($"{response.Status} in {response.Duration.TotalMilliseconds:0} ms.");
            WriteObject(response);
        }
    }
}
