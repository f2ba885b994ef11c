using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Lists the images in one or several engines, like docker images.</para>
    /// </summary>
    /// <remarks>
    /// Reads fan out to every connection at once; each image carries the connection it came from (its Connection note
    /// property), so Get-OciImage | Remove-OciImage reaches the engine it came from. A literal -Name that matches nothing
    /// on any engine is a non-terminating Oci.ImageNotFound error.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "OciImage", DefaultParameterSetName = ByName)]
    [OutputType(typeof(OciImage))]
    public sealed class GetOciImage : OciCmdletBase
    {
        internal const string ByName = "ByName";
        internal const string ById = "ById";

        private readonly List<OciConnection> _connections = new();
        private readonly List<string> _ids = new();

        /// <summary>Image references or repositories to list (Docker's reference filter: wildcards allowed). Default: all images.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Alias("Reference")]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Image ids (full, or a unique prefix) to get.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>Include intermediate images.</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter All { get; set; }

        /// <summary>Only untagged images (-Dangling), or only tagged ones (-Dangling:$false).</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter Dangling { get; set; }

        /// <summary>Only images with every one of these labels: key or key=value.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Only images created before this image (a reference or id).</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string? Before { get; set; }

        /// <summary>Only images created after this image (a reference or id).</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string? Since { get; set; }

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
                foreach (var id in _ids.Distinct()) InspectEach(connections, id, OciKind.Image);
                return;
            }
            var options = ListOptions();
            foreach (var name in Name ?? new string?[] { null })
            {
                var found = false;
                InvokeEach(connections,
                    (c, ct) => c.Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Image, name, options), ct),
                    (c, response) =>
                    {
                        foreach (var image in (IEnumerable<OciImage>)response.Data!)
                        {
                            found = true;
                            Emit(image, c);
                        }
                    },
                    _ => name, OciKind.Image);
                if (!found && name is not null && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteError(NoneFound(name, connections, OciKind.Image));
            }
        }

        private OciImageListOptions ListOptions() => new()
        {
            All = All,
            Dangling = MyInvocation.BoundParameters.ContainsKey(nameof(Dangling)) ? Dangling.IsPresent : null,
            Labels = Label ?? System.Array.Empty<string>(),
            Before = Before,
            Since = Since,
        };
    }
}
