using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Oci
{
    /// <summary>
    /// One request to an engine: a method, what it acts on, and parameters. Immutable: the parameters are
    /// copied at construction, so a caller cannot change them while the request is being served.
    /// </summary>
    public sealed class OciRequest
    {
        private static readonly IReadOnlyDictionary<string, object?> NoParameters =
            new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));

        /// <summary>Creates a request; <paramref name="target"/> is the image reference or container id.</summary>
        public OciRequest(string method, OciKind kind, string? target = null, IEnumerable<KeyValuePair<string, object?>>? parameters = null)
            : this(OciMethods.Normalize(method), kind, target, Copy(parameters), null, null)
        {
        }

        /// <summary>Creates a request of the method's default kind (IMAGE, or ENGINE for PING/VERSION/INFO).</summary>
        public OciRequest(string method, string? target = null, IEnumerable<KeyValuePair<string, object?>>? parameters = null)
            : this(method, OciMethods.DefaultKind(OciMethods.Normalize(method)), target, parameters)
        {
        }

        private OciRequest(string method, OciKind kind, string? target, IReadOnlyDictionary<string, object?> parameters, IOciConnection? connection, IProgress<OciProgress>? progress)
        {
            if (!Enum.IsDefined(typeof(OciKind), kind))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{kind}' is not a request kind.", kind.ToString());
            Method = method;
            Kind = kind;
            Target = string.IsNullOrEmpty(target) ? null : target;
            Parameters = parameters;
            Connection = connection;
            Progress = progress;
        }

        /// <summary>Builds a request from a non-generic dictionary (a PowerShell hashtable, say).</summary>
        public static OciRequest Create(string method, OciKind? kind, string? target, IDictionary? parameters)
        {
            var normalized = OciMethods.Normalize(method);
            IEnumerable<KeyValuePair<string, object?>>? pairs = null;
            if (parameters is not null)
            {
                var list = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry e in parameters)
                {
                    var key = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                    if (string.IsNullOrWhiteSpace(key))
                        throw new OciException(OciErrorKind.InvalidArgument, "Parameter names cannot be empty.", key);
                    list.Add(new KeyValuePair<string, object?>(key!, e.Value));
                }
                pairs = list;
            }
            return new OciRequest(normalized, kind ?? OciMethods.DefaultKind(normalized), target, pairs);
        }

        /// <summary>The method, upper case (e.g. <c>PULL</c>).</summary>
        public string Method { get; }

        /// <summary>What the request acts on.</summary>
        public OciKind Kind { get; }

        /// <summary>The image reference (or image id) when <see cref="Kind"/> is <see cref="OciKind.Image"/>.</summary>
        public string? Reference => Kind == OciKind.Image ? Target : null;

        /// <summary>The container id or name when <see cref="Kind"/> is <see cref="OciKind.Container"/>.</summary>
        public string? Id => Kind == OciKind.Container ? Target : null;

        /// <summary>The reference or id, whichever the kind uses.</summary>
        public string? Target { get; }

        /// <summary>A read-only, case-insensitive copy of the parameters.</summary>
        public IReadOnlyDictionary<string, object?> Parameters { get; }

        /// <summary>The connection serving this request; set by <see cref="OciClient"/> (like Go's request context).</summary>
        public IOciConnection? Connection { get; }

        /// <summary>Where a long-running method reports progress, in order, on the serving thread; may be null.</summary>
        public IProgress<OciProgress>? Progress { get; }

        /// <summary>A copy of this request bound to a connection and progress sink.</summary>
        public OciRequest WithContext(IOciConnection connection, IProgress<OciProgress>? progress) =>
            new(Method, Kind, Target, Parameters, connection ?? throw new ArgumentNullException(nameof(connection)), progress);

        /// <summary>The parameter <paramref name="name"/> converted to <typeparamref name="T"/>, or <paramref name="fallback"/> when absent.</summary>
        public T? GetParameter<T>(string name, T? fallback = default)
        {
            if (!Parameters.TryGetValue(name, out var raw) || raw is null) return fallback;
            raw = Unwrap(raw);
            if (raw is null) return fallback;
            if (raw is T t) return t;
            try
            {
                var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
                if (type == typeof(bool) && raw is string s) return (T)(object)bool.Parse(s);
                return (T?)Convert.ChangeType(raw, type, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"Parameter '{name}' of {Method} must be a {typeof(T).Name}; got '{raw}'.", Target);
            }
        }

        /// <summary>Fails with InvalidArgument when a parameter other than <paramref name="known"/> is present.</summary>
        public void EnsureOnlyParameters(params string[] known)
        {
            var unknown = Parameters.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                var accepted = known.Length == 0 ? "none" : string.Join(", ", known);
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"{Method} does not take parameter(s) {string.Join(", ", unknown)}; it accepts: {accepted}.", Target);
            }
        }

        /// <summary>The request line, e.g. <c>PULL IMAGE docker.io/library/alpine:latest platform=linux/amd64</c>; secrets are redacted.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(Method).Append(' ').Append(Kind.ToString().ToUpperInvariant());
            if (Target is not null) sb.Append(' ').Append(Target);
            foreach (var p in Parameters.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
                sb.Append(' ').Append(p.Key).Append('=').Append(Secrets.ShouldRedact(p.Key, Unwrap(p.Value)) ? Secrets.Redacted : Convert.ToString(Unwrap(p.Value), CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        private static IReadOnlyDictionary<string, object?> Copy(IEnumerable<KeyValuePair<string, object?>>? parameters)
        {
            if (parameters is null) return NoParameters;
            var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in parameters)
            {
                if (string.IsNullOrWhiteSpace(p.Key))
                    throw new OciException(OciErrorKind.InvalidArgument, "Parameter names cannot be empty.", p.Key);
                if (copy.ContainsKey(p.Key))
                    throw new OciException(OciErrorKind.InvalidArgument, $"Parameter '{p.Key}' is given twice.", p.Key);
                copy.Add(p.Key, p.Value);
            }
            return new ReadOnlyDictionary<string, object?>(copy);
        }

        // PowerShell hands over values wrapped in PSObject; a driver wants the base object. Reflection keeps
        // Oci.Core free of a PowerShell reference.
        private static object? Unwrap(object? value)
        {
            if (value is null) return null;
            var type = value.GetType();
            if (type.FullName == "System.Management.Automation.PSObject")
                return type.GetProperty("BaseObject")?.GetValue(value);
            return value;
        }
    }
}
