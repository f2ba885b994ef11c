using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>Shared helpers of the argument completers.</summary>
    internal static class Completion
    {
        /// <summary>A case-insensitive "starts with" pattern for the word typed so far (quotes stripped; wildcards kept).</summary>
        public static WildcardPattern Pattern(string? wordToComplete)
        {
            var word = (wordToComplete ?? string.Empty).Trim().Trim('\'', '"');
            return WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        }

        public static IEnumerable<CompletionResult> Results(IEnumerable<string> values, string? wordToComplete, Func<string, string>? tooltip = null)
        {
            var pattern = Pattern(wordToComplete);
            foreach (var value in values)
            {
                if (!pattern.IsMatch(value)) continue;
                var text = value.IndexOfAny(new[] { ' ', '\t', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '&', '#', ',' }) >= 0
                    ? "'" + value.Replace("'", "''") + "'"
                    : value;
                yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, tooltip?.Invoke(value) ?? value);
            }
        }

        public static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;

        /// <summary>The connections a command line already names with -Connection (one or several), else the session default.</summary>
        public static IReadOnlyList<OciConnection> Connections(IDictionary? fakeBoundParameters)
        {
            var bound = fakeBoundParameters is not null && fakeBoundParameters.Contains("Connection") ? Unwrap(fakeBoundParameters["Connection"]) : null;
            var list = bound switch
            {
                OciConnection c => new List<OciConnection> { c },
                IEnumerable items => items.Cast<object?>().Select(Unwrap).OfType<OciConnection>().ToList(),
                _ => new List<OciConnection>(),
            };
            if (list.Count == 0 && ConnectionStore.Current.Default is { } d) list.Add(d);
            return list.Where(c => c.Connected).ToList();
        }
    }

    /// <summary>
    /// Completes a parameter with names read live from the engines the command line names (-Connection, else the session
    /// default): image references, container names and ids, ... with a tooltip. Bounded to a short wait, and silent on
    /// failure: completion never breaks the command line.
    /// </summary>
    public abstract class LiveNameCompleter : IArgumentCompleter
    {
        /// <summary>How long completion may wait for the engines.</summary>
        internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

        /// <summary>The request that lists what to complete (e.g. LIST IMAGE).</summary>
        protected abstract OciRequest Request();

        /// <summary>The completion values and their tooltips in an answer's data.</summary>
        protected abstract IEnumerable<(string Value, string Tooltip)> Names(object? data);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connections = Completion.Connections(fakeBoundParameters);
            var found = new System.Collections.Concurrent.ConcurrentQueue<(string Value, string Tooltip)>();
            using var cts = new System.Threading.CancellationTokenSource(Budget);
            var reads = connections.Select(c => System.Threading.Tasks.Task.Run(async () =>
            {
                var r = await c.Client.ExecuteAsync(Request(), cts.Token).ConfigureAwait(false);
                foreach (var n in Names(r.Data)) found.Enqueue((n.Value, connections.Count > 1 ? $"{n.Tooltip} ({c.Name})" : n.Tooltip));
            })).ToArray();
            try
            {
                System.Threading.Tasks.Task.WaitAll(reads, Budget);
            }
            catch (AggregateException)
            {
                // An engine that fails or is slow adds nothing.
            }
            var tips = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var (value, tip) in found.OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase))
            {
                if (tips.ContainsKey(value)) continue;
                tips[value] = tip;
                order.Add(value);
            }
            return Completion.Results(order, wordToComplete, v => tips[v]).ToList();
        }
    }

    /// <summary>Completes image references (tags, else short ids) from the engines, with id, size and age as the tooltip.</summary>
    public sealed class ImageNameCompleter : LiveNameCompleter
    {
        protected override OciRequest Request() => new(OciMethods.List, OciKind.Image);

        protected override IEnumerable<(string Value, string Tooltip)> Names(object? data)
        {
            foreach (var image in data as IEnumerable<OciImage> ?? Enumerable.Empty<OciImage>())
            {
                var tip = $"{image.ShortId}, {image.Size / 1_000_000.0:0.#} MB" + (image.Created is { } c ? $", created {c:yyyy-MM-dd}" : string.Empty);
                if (image.Tags.Count == 0) yield return (image.ShortId, tip + ", untagged");
                foreach (var tag in image.Tags) yield return (tag, tip);
            }
        }
    }

    /// <summary>Completes container names and short ids from the engines, with image and state (docker's status words) as the tooltip.</summary>
    public sealed class ContainerNameCompleter : LiveNameCompleter
    {
        protected override OciRequest Request() => OciRequest.WithOptions(OciMethods.List, OciKind.Container, null, new OciContainerListOptions { All = true });

        protected override IEnumerable<(string Value, string Tooltip)> Names(object? data)
        {
            foreach (var c in data as IEnumerable<OciContainer> ?? Enumerable.Empty<OciContainer>())
            {
                var tip = $"{c.Image}, {c.State}" + (c.ExitCode is { } code ? $" ({code})" : string.Empty);
                yield return (c.Name, tip);
                yield return (c.ShortId, $"{c.Name}: {tip}");
            }
        }
    }

    /// <summary>Completes volume names from the engines, with driver and labels as the tooltip.</summary>
    public sealed class VolumeNameCompleter : LiveNameCompleter
    {
        protected override OciRequest Request() => OciRequest.WithOptions(OciMethods.List, OciKind.Volume, null, new OciVolumeListOptions());

        protected override IEnumerable<(string Value, string Tooltip)> Names(object? data) =>
            (data as IEnumerable<OciVolume> ?? Enumerable.Empty<OciVolume>())
                .Select(v => (v.Name, $"{v.Driver} volume" + (v.Created is { } c ? $", created {c:yyyy-MM-dd}" : string.Empty)));
    }

    /// <summary>Completes network names from the engines, with short id and driver as the tooltip.</summary>
    public sealed class NetworkNameCompleter : LiveNameCompleter
    {
        protected override OciRequest Request() => OciRequest.WithOptions(OciMethods.List, OciKind.Network, null, new OciNetworkListOptions());

        protected override IEnumerable<(string Value, string Tooltip)> Names(object? data) =>
            (data as IEnumerable<OciNetwork> ?? Enumerable.Empty<OciNetwork>())
                .Select(n => (n.Name, $"{n.ShortId}, {n.Driver}{(n.Internal ? ", internal" : string.Empty)}" + (n.Subnets.Count > 0 ? ", " + string.Join(" ", n.Subnets) : string.Empty)));
    }

    /// <summary>Completes -Driver with the registered driver names (<c>OciDrivers.Names</c>).</summary>
    public sealed class DriverNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Results(DriverNames(), wordToComplete, n => $"The {n} driver").ToList();

        private static IEnumerable<string> DriverNames() => OciDrivers.Names;
    }

    /// <summary>
    /// Completes -Endpoint of Connect-OciEngine with the places discovery would try, in its order
    /// (<c>OciEndpointDiscovery.GetCandidates</c>: DOCKER_HOST, the Docker context, the platform default, rootless
    /// Docker, Podman); the tooltip says where each comes from and whether its socket is there. Nothing is contacted.
    /// </summary>
    public sealed class EndpointCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var tips = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var (endpoint, tip) in Candidates())
            {
                if (tips.ContainsKey(endpoint)) continue;
                tips[endpoint] = tip;
                order.Add(endpoint);
            }
            return Completion.Results(order, wordToComplete, e => tips[e]).ToList();
        }

        internal static IEnumerable<(string Endpoint, string Tooltip)> Candidates()
        {
            IReadOnlyList<OciEndpointCandidate> candidates;
            try
            {
                candidates = OciEndpointDiscovery.GetCandidates();
            }
            catch (Exception)
            {
                yield break; // completion never fails the command line
            }
            foreach (var c in candidates)
            {
                if (c.Endpoint is null) continue;
                var tip = c.SourceDescription;
                if (c.Tls is not null) tip += ", TLS";
                if (c.Endpoint.IsUnixSocket && !System.IO.File.Exists(c.Endpoint.Path)) tip += " (no socket there now)";
                yield return (c.Endpoint.ToString(), tip);
            }
        }
    }

    /// <summary>
    /// Completes -Method with the methods the connection's driver serves for the -Kind already typed (else for any
    /// kind): the -Connection already typed, else the session default, else every standard method (<c>OciMethods.All</c>).
    /// </summary>
    public sealed class MethodCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.Unwrap(Bound(fakeBoundParameters, "Connection")) as OciConnection ?? ConnectionStore.Current.Default;
            var kind = Bound(fakeBoundParameters, "Kind") is { } k && Enum.TryParse<OciKind>(Completion.Unwrap(k)?.ToString(), true, out var parsed) ? parsed : (OciKind?)null;
            return Completion.Results(Methods(connection, kind), wordToComplete).ToList();
        }

        private static object? Bound(IDictionary? parameters, string name) =>
            parameters is not null && parameters.Contains(name) ? parameters[name] : null;

        internal static IEnumerable<string> Methods(OciConnection? connection, OciKind? kind)
        {
            if (connection is null) return OciMethods.All;
            var driver = connection.Client.Driver;
            var kinds = kind is { } one ? new[] { one } : (OciKind[])Enum.GetValues(typeof(OciKind));
            var served = kinds.SelectMany(driver.Methods).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            // Standard methods first, in their usual order, then the driver's own.
            return OciMethods.All.Where(m => served.Contains(m, StringComparer.OrdinalIgnoreCase))
                .Concat(served.Where(m => !OciMethods.All.Contains(m, StringComparer.OrdinalIgnoreCase)).OrderBy(m => m, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>Completes -Name of Get-OciConnection and Disconnect-OciEngine with the session's connection names.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connections = ConnectionStore.Current.Snapshot();
            return Completion.Results(connections.Select(c => c.Name), wordToComplete,
                n => connections.First(c => c.Name == n).ToString()).ToList();
        }
    }
}
