using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The Docker API's <c>filters</c> query parameter (JSON <c>{"key":{"value":true}}</c>, which dockerd and Podman's
    /// compatible API both read), built from typed options with each value checked before anything is sent.
    /// </summary>
    internal sealed class DockerFilters
    {
        // Label keys and values: printable, no control characters; the JSON encoding keeps them out of the URL's syntax.
        private static readonly Regex LabelPattern = new("^[^=\\s][^\\x00-\\x1f]{0,1023}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex WordPattern = new("^[A-Za-z0-9][A-Za-z0-9_.:/@-]{0,254}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private readonly Dictionary<string, Dictionary<string, bool>> _filters = new(StringComparer.Ordinal);

        public bool IsEmpty => _filters.Count == 0;

        /// <summary>Adds <paramref name="values"/> under <paramref name="key"/>.</summary>
        public DockerFilters Add(string key, IEnumerable<string>? values)
        {
            foreach (var v in values ?? Enumerable.Empty<string>())
            {
                if (!_filters.TryGetValue(key, out var set)) _filters[key] = set = new Dictionary<string, bool>(StringComparer.Ordinal);
                set[v] = true;
            }
            return this;
        }

        public DockerFilters Add(string key, string? value) => value is null ? this : Add(key, new[] { value });

        /// <summary>Label filters: <c>key</c> or <c>key=value</c>, each checked.</summary>
        public DockerFilters Labels(IEnumerable<string>? labels) => Add("label", labels?.Select(CheckLabel));

        /// <summary>A name, driver, type or action filter value, checked against a conservative pattern.</summary>
        public DockerFilters Word(string key, string? value) => value is null ? this : Add(key, CheckWord(value, key));

        public DockerFilters Words(string key, IEnumerable<string>? values) => Add(key, values?.Select(v => CheckWord(v, key)));

        public DockerFilters Bool(string key, bool? value) => value is null ? this : Add(key, value.Value ? "true" : "false");

        /// <summary>A time as the engine's filters take it: Unix seconds, with the fraction.</summary>
        public DockerFilters Time(string key, DateTimeOffset? value) => value is null ? this : Add(key, UnixSeconds(value.Value));

        /// <summary>The query fragment (<c>filters=…</c>, escaped), or empty when there are none.</summary>
        public string Query(string separator = "&") =>
            IsEmpty ? string.Empty : separator + "filters=" + Uri.EscapeDataString(JsonSerializer.Serialize(_filters, DockerJson.Default.DictionaryStringDictionaryStringBoolean));

        public static string UnixSeconds(DateTimeOffset time)
        {
            var ticks = time.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks;
            return (ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#########", CultureInfo.InvariantCulture);
        }

        /// <summary>A time as whole Unix seconds, rounded <paramref name="up"/> or down.</summary>
        public static string WholeSeconds(DateTimeOffset time, bool up)
        {
            var ticks = time.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks;
            var seconds = ticks / TimeSpan.TicksPerSecond;
            if (ticks % TimeSpan.TicksPerSecond != 0 && (up == ticks > 0)) seconds += up ? 1 : -1;
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        public static string CheckLabel(string label)
        {
            if (label is null || !LabelPattern.IsMatch(label))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{label}' is not a label filter: use key or key=value.", label);
            return label;
        }

        public static string CheckWord(string value, string what)
        {
            if (value is null || !WordPattern.IsMatch(value))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{value}' is not a valid {what} filter.", value);
            return value;
        }
    }
}
