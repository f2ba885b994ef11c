using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text;
using Oci.Credentials;

namespace Oci
{
    /// <summary>
    /// One request to an engine: a method, the kind it acts on, the target, and its options — either a typed options
    /// object (<see cref="Options"/>, e.g. <see cref="OciPullOptions"/>) or a dictionary of parameters that the driver
    /// binds to the method's options type by name (<c>Invoke-OciRequest -Parameters</c>, custom methods). Immutable:
    /// parameters are copied at construction.
    /// </summary>
    public sealed class OciRequest
    {
        /// <summary>The longest target (reference, id, name) accepted (<see cref="OciLimits.MaxTargetLength"/>); longer input is refused before anything is sent.</summary>
        public const int MaxTargetLength = OciLimits.MaxTargetLength;

        private static readonly IReadOnlyDictionary<string, object?> NoParameters =
            new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase));

        /// <summary>Creates a request; <paramref name="target"/> is the image reference, container id or name, ...</summary>
        public OciRequest(string method, OciKind kind, string? target = null, IEnumerable<KeyValuePair<string, object?>>? parameters = null)
            : this(OciMethods.Normalize(method), kind, CheckTarget(target), Copy(parameters), null, null, null, null)
        {
        }

        /// <summary>Creates a request of the method's default kind (IMAGE, or ENGINE for PING/VERSION/INFO).</summary>
        public OciRequest(string method, string? target = null, IEnumerable<KeyValuePair<string, object?>>? parameters = null)
            : this(method, OciMethods.DefaultKind(OciMethods.Normalize(method)), target, parameters)
        {
        }

        private OciRequest(string method, OciKind kind, string? target, IReadOnlyDictionary<string, object?> parameters, object? options,
            IOciConnection? connection, IProgress<OciProgress>? progress, OciRegistryCredential? credential)
        {
            if (!Enum.IsDefined(typeof(OciKind), kind))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{kind}' is not a request kind.", kind.ToString());
            Method = method;
            Kind = kind;
            Target = string.IsNullOrEmpty(target) ? null : target;
            Parameters = parameters;
            _options = options;
            Connection = connection;
            Progress = progress;
            RegistryCredential = credential;
        }

        /// <summary>A request carrying a typed options object (<see cref="OciPullOptions"/>, ...) instead of a parameter dictionary.</summary>
        public static OciRequest WithOptions(string method, OciKind kind, string? target, object? options) =>
            new(OciMethods.Normalize(method), kind, CheckTarget(target), NoParameters, options, null, null, null);

        /// <summary>Builds a request from a non-generic dictionary (a PowerShell hashtable, say); <paramref name="kind"/> null = the method's default.</summary>
        public static OciRequest Create(string method, OciKind? kind, string? target, IDictionary? parameters)
        {
            var normalized = OciMethods.Normalize(method);
            List<KeyValuePair<string, object?>>? pairs = null;
            if (parameters is not null)
            {
                pairs = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry e in parameters)
                    pairs.Add(new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, e.Value));
            }
            return new OciRequest(normalized, kind ?? OciMethods.DefaultKind(normalized), target, pairs);
        }

        private readonly object? _options;

        /// <summary>The method, upper case (e.g. <c>PULL</c>).</summary>
        public string Method { get; }

        /// <summary>What the request acts on.</summary>
        public OciKind Kind { get; }

        /// <summary>The image reference, container id or name, ... the request acts on.</summary>
        public string? Target { get; }

        /// <summary>A read-only, case-insensitive copy of the parameters (empty when the request carries <see cref="Options"/>).</summary>
        public IReadOnlyDictionary<string, object?> Parameters { get; }

        /// <summary>The typed options object the caller gave, or null when the parameters are a dictionary.</summary>
        public object? Options => _options;

        /// <summary>The connection serving this request; set by <see cref="OciClient"/> (like Go's request context).</summary>
        public IOciConnection? Connection { get; }

        /// <summary>Where a long-running method reports progress, in order, on the serving thread; may be null.</summary>
        public IProgress<OciProgress>? Progress { get; }

        /// <summary>
        /// The registry credential <see cref="OciClient"/> resolved for a method whose options ask for one
        /// (<see cref="IOciRegistryAuthOptions"/>): the caller's, else docker's and podman's configuration; null = anonymous.
        /// Drivers only encode it.
        /// </summary>
        public OciRegistryCredential? RegistryCredential { get; }

        /// <summary>A copy of this request bound to a connection, progress sink and resolved registry credential.</summary>
        public OciRequest WithContext(IOciConnection connection, IProgress<OciProgress>? progress, OciRegistryCredential? registryCredential = null) =>
            new(Method, Kind, Target, Parameters, _options, connection ?? throw new ArgumentNullException(nameof(connection)), progress, registryCredential);

        /// <summary>The request line, e.g. <c>PULL IMAGE docker.io/library/alpine:latest platform=linux/amd64</c>; secrets are never shown.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(Method).Append(' ').Append(Kind.ToString().ToUpperInvariant());
            if (Target is not null) sb.Append(' ').Append(Target);
            var pairs = _options is null
                ? Parameters.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => (p.Key, Text: Secrets.Show(p.Key, p.Value)))
                : OptionsBinder.Describe(_options);
            foreach (var (key, text) in pairs) sb.Append(' ').Append(key).Append('=').Append(text);
            return sb.ToString();
        }

        private static string? CheckTarget(string? target)
        {
            if (target is { Length: > MaxTargetLength })
                throw OciLimits.TooLong("The target", target.Length, MaxTargetLength, target.Substring(0, 100) + "…");
            if (target is not null && target.IndexOf('\0') >= 0)
                throw new OciException(OciErrorKind.InvalidArgument, "The target contains a NUL character.", target.Replace('\0', '?'));
            return target;
        }

        private static IReadOnlyDictionary<string, object?> Copy(IEnumerable<KeyValuePair<string, object?>>? parameters)
        {
            if (parameters is null) return NoParameters;
            var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in parameters)
            {
                if (copy.Count == OciLimits.MaxParameters)
                    throw new OciException(OciErrorKind.InvalidArgument, $"More than {OciLimits.MaxParameters} parameters were given; at most {OciLimits.MaxParameters} are accepted.");
                if (p.Key is { Length: > OciLimits.MaxNameLength })
                    throw OciLimits.TooLong("A parameter name", p.Key.Length, OciLimits.MaxNameLength, p.Key.Substring(0, 100) + "…");
                if (string.IsNullOrWhiteSpace(p.Key))
                    throw new OciException(OciErrorKind.InvalidArgument, "Parameter names cannot be empty.", p.Key);
                if (copy.ContainsKey(p.Key))
                    throw new OciException(OciErrorKind.InvalidArgument, $"Parameter '{p.Key}' is given twice.", p.Key);
                copy.Add(p.Key, p.Value);
            }
            return new ReadOnlyDictionary<string, object?>(copy);
        }
    }
}
