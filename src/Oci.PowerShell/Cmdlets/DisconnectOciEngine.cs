using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Closes engine connections.</para>
    /// Disconnect-OciEngine [[-Connection] &lt;OciConnection[]&gt;] | -Name &lt;string[]&gt; | -All [-PassThru]
    /// </summary>
    /// <remarks>
    /// Idempotent: a connection that is already closed is no error. Without arguments, closes the session default
    /// (if any). Closing the session default leaves the session without one. -PassThru outputs the closed connections.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Disconnect, "OciEngine", DefaultParameterSetName = ByConnection,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OciConnection))]
    public sealed class DisconnectOciEngine : OciCmdletBase
    {
        internal const string ByConnection = "ByConnection";
        internal const string ByName = "ByName";
        internal const string AllSet = "All";

        /// <summary>The connections to close (from the pipeline: Get-OciConnection | Disconnect-OciEngine). Default: the session default.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = ByConnection)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        /// <summary>Names of the session's connections to close; wildcards allowed.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Close every connection of the session.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Output the closed connection objects.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByName:
                    var session = Session.Snapshot();
                    var selected = new List<OciConnection>();
                    foreach (var name in Name)
                    {
                        var pattern = Pattern(name);
                        var matches = session.Where(c => pattern.IsMatch(c.Name)).ToList();
                        if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                            WriteError(OciErrors.ConnectionNotFound(name));
                        foreach (var c in matches)
                            if (!selected.Contains(c)) selected.Add(c);
                    }
                    Close(selected);
                    break;
                case AllSet:
                    Close(Session.Snapshot());
                    break;
                default:
                    if (Connection is not null)
                        Close(Connection);
                    else if (Session.Default is { } current)
                        Close(new[] { current });
                    else
                        WriteVerbose("There is no default connection in this session; nothing to disconnect.");
                    break;
            }
        }

        private void Close(IEnumerable<OciConnection> connections)
        {
            foreach (var connection in connections)
            {
                if (!ShouldProcess(connection.ToString(), "Disconnect")) continue;
                var wasOpen = connection.Connected;
                connection.Close();
                WriteVerbose(wasOpen ? $"Disconnected {connection}." : $"{connection} was already closed.");
                if (PassThru) WriteObject(connection);
            }
        }
    }
}
