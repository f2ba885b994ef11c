using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// LIST of containers: the engine filters (label, status, name, ancestor), then every container listed is inspected,
    /// so LIST and INSPECT answer with the same, complete <see cref="OciContainer"/> on every engine.
    /// </summary>
    internal static class DockerContainerList
    {
        /// <summary>How many containers are inspected at once.</summary>
        private const int Parallel = 8;

        // The OCI words and the engines' own. Matched here, on what inspect reports: the engines do not all take the
        // same words (Podman refuses "dead"), and "stopped" is theirs "exited" and "dead".
        private static readonly HashSet<string> States = new(StringComparer.Ordinal)
        {
            OciContainerStatus.Creating, OciContainerStatus.Created, OciContainerStatus.Running, OciContainerStatus.Paused, OciContainerStatus.Stopped,
            "exited", "dead", "restarting", "removing",
        };

        public static async Task<OciResponse> ListAsync(DockerConnection c, OciRequest request, OciContainerListOptions options, CancellationToken cancellationToken)
        {
            var filters = Filters(request, options);
            var containers = await ListAsync(c, options.All || filters.ContainsKey("status"), filters, cancellationToken).ConfigureAwait(false);
            return Answer(request, containers, c);
        }

        /// <summary>The engine's filters for the options (and the request's target as a name), checked.</summary>
        internal static Dictionary<string, List<string>> Filters(OciRequest request, OciContainerListOptions options)
        {
            var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            void Add(string key, string value)
            {
                if (!filters.TryGetValue(key, out var list)) filters[key] = list = new List<string>();
                if (!list.Contains(value)) list.Add(value);
            }

            foreach (var label in options.Label ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(label) || label.StartsWith("=", StringComparison.Ordinal) || label.Any(char.IsControl))
                    throw Invalid($"'{label}' is not a label filter: use key or key=value.", label);
                Add("label", label);
            }
            foreach (var status in options.Status ?? Array.Empty<string>())
            {
                if (status is null || !States.Contains(status.Trim().ToLowerInvariant()))
                    throw Invalid($"'{status}' is not a container state: use created, running, paused, stopped (or exited, dead, restarting, removing).", status);
                Add("status", status.Trim().ToLowerInvariant());
            }
            foreach (var name in (options.Name ?? Array.Empty<string>()).Concat(request.Target is null ? Array.Empty<string>() : new[] { request.Target }))
            {
                if (string.IsNullOrEmpty(name) || name.Length > 256) throw Invalid($"'{name}' is not a name filter.", name);
                try
                {
                    _ = new Regex(name, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    throw Invalid($"'{name}' is not a valid name filter (a regular expression): {e.Message}", name);
                }
                Add("name", name);
            }
            foreach (var ancestor in options.Ancestor ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(ancestor) || !(ImageReference.IsImageId(ancestor) || ImageReference.TryParse(ancestor, out _)))
                    throw Invalid($"'{ancestor}' is not an image reference or id (ancestor filter).", ancestor);
                Add("ancestor", ancestor);
            }
            return filters;
        }

        /// <summary>The containers the engine lists for <paramref name="filters"/>, each inspected (those removed meanwhile left out).</summary>
        internal static async Task<IReadOnlyList<OciContainer>> ListAsync(DockerConnection c, bool all, Dictionary<string, List<string>> filters, CancellationToken cancellationToken)
        {
            HashSet<string>? states = null;
            if (filters.TryGetValue("status", out var words))
            {
                states = new HashSet<string>(words, StringComparer.Ordinal);
                filters = filters.Where(f => f.Key != "status").ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            }
            var query = "containers/json?all=" + DockerContainerHandlers.Flag(all);
            if (filters.Count > 0)
                query += "&filters=" + Uri.EscapeDataString(JsonSerializer.Serialize(filters, DockerContainerJson.Default.DictionaryStringListString));
            var summaries = await c.Http.GetJsonAsync(query, DockerContainerJson.Default.ListContainerSummaryDto, cancellationToken).ConfigureAwait(false);
            using var gate = new SemaphoreSlim(Parallel);
            var inspected = await Task.WhenAll(summaries.Where(s => !string.IsNullOrEmpty(s.Id)).Select(async s =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await DockerContainerHandlers.InspectAsync(c, s.Id!, cancellationToken).ConfigureAwait(false);
                }
                catch (EngineResponseException e) when (DockerErrors.IsNotFound(e))
                {
                    return null; // removed since it was listed
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
            return inspected.Where(i => i is not null && (states is null || states.Contains(i.State) || states.Contains(i.EngineState))).Select(i => i!).ToList();
        }

        /// <summary>The LIST answer: newest first, as docker ps lists them.</summary>
        internal static OciResponse Answer(OciRequest request, IEnumerable<OciContainer> containers, DockerConnection c) =>
            OciResponse.For(request, containers.OrderByDescending(x => x.Created).ThenBy(x => x.Id, StringComparer.Ordinal).ToArray(), target: request.Target ?? c.Endpoint.ToString());

        private static OciException Invalid(string message, string? target) => new(OciErrorKind.InvalidArgument, message, target);
    }
}
