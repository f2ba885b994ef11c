using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>EVENTS: the engine's event stream as <see cref="OciEvent"/>s, as they arrive; it ends at <c>until</c>, or follows until the reader stops.</summary>
    internal static class DockerEventHandler
    {
        public static async IAsyncEnumerable<OciEvent> StreamAsync(DockerConnection c, OciRequest request, OciEventOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var query = Query(options);
            using var response = await c.Http.OpenAsync(HttpMethod.Get, query, null, null, cancellationToken).ConfigureAwait(false);
            await foreach (var e in JsonStream.ItemsAsync(response, DockerObjectJson.Default.EventDto, cancellationToken).ConfigureAwait(false))
                yield return ToEvent(e);
        }

        /// <summary>The request path: since/until as Unix seconds, the filters checked before anything is sent.</summary>
        internal static string Query(OciEventOptions options)
        {
            if (options.Since is { } s && options.Until is { } u && u < s)
                throw new OciException(OciErrorKind.InvalidArgument, $"'until' ({u:O}) is before 'since' ({s:O}).", u.ToString("O"));
            var filters = new DockerFilters().Words("type", options.Types).Words("event", options.Actions).Labels(options.Labels);
            foreach (var f in options.Filters) filters.Words(DockerFilters.CheckWord(f.Key, "filter key"), f.Value);
            var parts = new List<string>();
            // Whole seconds, widened outwards: engines differ in reading fractions (Podman drops them, which would cut off
            // the last second of a window that ends now).
            if (options.Since is { } since) parts.Add("since=" + DockerFilters.WholeSeconds(since, up: false));
            if (options.Until is { } until) parts.Add("until=" + DockerFilters.WholeSeconds(until, up: true));
            var query = "events" + (parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts));
            return query + filters.Query(parts.Count == 0 ? "?" : "&");
        }

        internal static OciEvent ToEvent(EventDto e) => new()
        {
            Type = e.Type ?? string.Empty,
            // Old engines put the action in "status" only.
            Action = e.Action ?? e.Status ?? string.Empty,
            ActorId = e.Actor?.ID ?? e.Id ?? string.Empty,
            Attributes = e.Actor?.Attributes ?? new Dictionary<string, string>(),
            Time = e.TimeNano > 0
                ? DateTimeOffset.FromUnixTimeSeconds(0).AddTicks(e.TimeNano / 100)
                : DateTimeOffset.FromUnixTimeSeconds(e.Time),
            Scope = e.Scope,
        };
    }
}
