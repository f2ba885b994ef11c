using System;
using System.Collections.Generic;
using System.Linq;

namespace Oci
{
    /// <summary>
    /// The standard answer to a request, the same shape from every driver. Handlers fill
    /// <see cref="Status"/>, <see cref="Data"/> and <see cref="Warnings"/>; <see cref="OciClient"/> stamps the
    /// engine, endpoint and duration.
    /// </summary>
    public sealed class OciResponse
    {
        private static readonly IReadOnlyList<string> NoWarnings = Array.Empty<string>();

        public OciResponse(string method, OciKind kind, string? target, object? data, string? status = null, IEnumerable<string>? warnings = null)
            : this(method, kind, target, data, status, Freeze(warnings), string.Empty, string.Empty, TimeSpan.Zero)
        {
        }

        private OciResponse(string method, OciKind kind, string? target, object? data, string? status, IReadOnlyList<string> warnings, string engine, string endpoint, TimeSpan duration)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Kind = kind;
            Target = target;
            Data = data;
            Status = string.IsNullOrEmpty(status) ? "OK" : status!;
            Warnings = warnings;
            Engine = engine;
            Endpoint = endpoint;
            Duration = duration;
        }

        /// <summary>A response to <paramref name="request"/> carrying <paramref name="data"/>.</summary>
        public static OciResponse For(OciRequest request, object? data, string? status = null, IEnumerable<string>? warnings = null, string? target = null) =>
            new(request.Method, request.Kind, target ?? request.Target, data, status, warnings);

        public string Method { get; }
        public OciKind Kind { get; }

        /// <summary>The reference or id acted on, normalised (e.g. <c>docker.io/library/alpine:latest</c>).</summary>
        public string? Target { get; }

        /// <summary>The engine product that served the request.</summary>
        public string Engine { get; }

        /// <summary>The endpoint of the engine that served the request.</summary>
        public string Endpoint { get; }

        /// <summary>A short outcome, e.g. <c>Downloaded newer image</c>, <c>Image is up to date</c>, <c>OK</c>.</summary>
        public string Status { get; }

        /// <summary>The typed result: <see cref="OciImage"/>, a list of them, <see cref="OciEngineVersion"/>, ...</summary>
        public object? Data { get; }

        public IReadOnlyList<string> Warnings { get; }

        /// <summary>How long the request took, as seen by the client.</summary>
        public TimeSpan Duration { get; }

        internal OciResponse WithData(object? data) =>
            new(Method, Kind, Target, data, Status, Warnings, Engine, Endpoint, Duration);

        internal OciResponse Stamp(IOciConnection connection, TimeSpan duration) =>
            new(Method, Kind, Target, Data, Status, Warnings, connection.Engine, connection.Endpoint.ToString(), duration);

        public override string ToString() => $"{Method} {Kind.ToString().ToUpperInvariant()} {Target} {Status}".Replace("  ", " ").Trim();

        private static IReadOnlyList<string> Freeze(IEnumerable<string>? warnings)
        {
            if (warnings is null) return NoWarnings;
            var list = warnings.Where(w => !string.IsNullOrWhiteSpace(w)).ToArray();
            return list.Length == 0 ? NoWarnings : Array.AsReadOnly(list);
        }
    }
}
