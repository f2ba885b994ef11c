using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Lists the containers of one or several engines, like docker ps.</para>
    /// </summary>
    /// <remarks>
    /// Reads fan out to every connection at once; each container carries the connection it came from (its Connection
    /// note property), so Get-OciContainer | Stop-OciContainer reaches the engine it came from. -Name or -Id look at
    /// every container (running or not); a literal name or id that no engine has is a non-terminating Oci.ContainerNotFound.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "OciContainer", DefaultParameterSetName = ByName)]
    [OutputType(typeof(OciContainer))]
    public sealed class GetOciContainer : OciCmdletBase
    {
        internal const string ByName = "ByName";
        internal const string ById = "ById";

        private readonly List<OciConnection> _connections = new();
        private readonly List<string> _ids = new();

        /// <summary>Container names (wildcards allowed) or short ids. Default: all containers (running ones unless -All).</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Container ids (full, or a unique prefix) or names to get.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("ContainerId")]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>Include containers that do not run (docker ps --all).</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter All { get; set; }

        /// <summary>Only containers with these labels: key or key=value.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Only containers in these states: created, running, paused, stopped (or the engines' exited, dead, restarting, removing).</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        /// <summary>Only containers created from these images (references or ids).</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string[]? Ancestor { get; set; }

        /// <summary>The engines to read from (several at once). Default: the session default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            // Piped connections are gathered and read at once in EndProcessing: a fleet answers in one round.
            if (Connection is not null) _connections.AddRange(Connection);
            if (ParameterSetName == ById) _ids.AddRange(Id);
        }

        protected override void EndProcessing()
        {
            var connections = ResolveConnections(_connections);
            if (ParameterSetName == ById)
            {
                foreach (var id in _ids.Distinct()) InspectEach(connections, id, OciKind.Container);
                return;
            }
            var patterns = (Name ?? new string[0]).Select(n => (Text: n, Pattern: Pattern(n))).ToList();
            var found = new HashSet<string>();
            var options = new OciContainerListOptions { All = All || patterns.Count > 0, Label = Label, Status = Status, Ancestor = Ancestor };
            InvokeEach(connections,
                (c, ct) => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Container, null, options), ct),
                (c, response) =>
                {
                    foreach (var container in (IEnumerable<OciContainer>)response.Data!)
                    {
                        var matched = patterns.Where(p => p.Pattern.IsMatch(container.Name) || p.Pattern.IsMatch(container.ShortId)).Select(p => p.Text).ToList();
                        if (patterns.Count > 0 && matched.Count == 0) continue;
                        found.UnionWith(matched);
                        Emit(container, c);
                    }
                },
                null, OciKind.Container);
            foreach (var (text, _) in patterns)
                if (!found.Contains(text) && !WildcardPattern.ContainsWildcardCharacters(text)) WriteError(NoneFound(text, connections, OciKind.Container));
        }
    }
}
