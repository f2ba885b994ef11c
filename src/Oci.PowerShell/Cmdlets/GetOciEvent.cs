using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Gets the engine's events (containers, images, volumes, networks), like docker events.</para>
    /// </summary>
    /// <remarks>
    /// Without -Wait it answers what happened in the window (-Since to -Until, default now) and ends; with -Wait it
    /// follows one engine's events as they happen until Ctrl+C.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "OciEvent")]
    [OutputType(typeof(OciEvent))]
    public sealed class GetOciEvent : OciCmdletBase
    {
        private readonly List<OciConnection> _connections = new();

        /// <summary>Events from this time on. Default: all the engine kept (without -Wait), or from now (with -Wait).</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Events up to this time. Default: now (without -Wait); with -Wait the stream ends there.</summary>
        [Parameter]
        public DateTime? Until { get; set; }

        /// <summary>Only events about these types: container, image, volume, network.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Type { get; set; }

        /// <summary>Only these actions: create, start, die, pull, tag, ...</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Action { get; set; }

        /// <summary>Only events whose actor has every one of these labels: key or key=value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Any other filter of the engine's: @{ container = 'web' }, @{ image = 'alpine' }, ...</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>Follow the events as they happen until Ctrl+C (or -Until).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>The engines to read (several at once without -Wait; one with -Wait). Default: the session default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection is not null) _connections.AddRange(Connection);
        }

        protected override void EndProcessing()
        {
            var connections = ResolveConnections(_connections);
            if (Wait && connections.Count > 1)
                ThrowTerminatingError(OciErrors.InvalidArgument($"-Wait follows one engine; {connections.Count} were given. Run one Get-OciEvent -Wait per engine.", connections));
            var filters = Checked(() => Dictionaries.Strings(Filter, nameof(Filter)), Filter)
                .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)new[] { p.Value });
            var options = new OciEventOptions
            {
                Since = Times.Offset(Since),
                // A window ends: by default now. Following has no end unless one is given.
                Until = Times.Offset(Until) ?? (Wait ? null : DateTimeOffset.UtcNow),
                Types = Type ?? Array.Empty<string>(),
                Actions = Action ?? Array.Empty<string>(),
                Labels = Label ?? Array.Empty<string>(),
                Filters = filters,
            };
            var request = Checked(() => OciRequest.WithOptions(OciMethods.Events, OciKind.Engine, null, options), null);
            if (Wait)
            {
                var c = connections[0];
                InvokeStream<OciEvent>((onItem, ct) => c.Client.ForEachAsync(request, onItem, cancellationToken: ct), e => Emit(e, c), c);
                return;
            }
            InvokeEach(connections,
                async (c, ct) =>
                {
                    var events = new List<OciEvent>();
                    await c.Client.ForEachAsync<OciEvent>(request, e =>
                    {
                        events.Add(e);
                        return Task.CompletedTask;
                    }, cancellationToken: ct).ConfigureAwait(false);
                    return events;
                },
                (c, events) =>
                {
                    foreach (var e in events) Emit(e, c);
                });
        }
    }
}
