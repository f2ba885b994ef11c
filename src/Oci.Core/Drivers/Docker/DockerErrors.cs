using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Oci.Tls;
using Oci.Transport;
using Oci.Transport.Ssh;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// The one place the Docker-API drivers turn what went wrong — the engine's HTTP error answers, in-band stream
    /// errors, transport and TLS failures, timeouts — into the standard <see cref="OciException"/> kinds.
    /// </summary>
    internal static class DockerErrors
    {
        /// <summary>Maps what a handler serving <paramref name="request"/> on <paramref name="connection"/> threw (not the caller's cancellation).</summary>
        public static OciException Map(Exception e, OciRequest request, DockerConnection connection)
        {
            var what = What(request);
            var target = request.Target;
            var endpoint = connection.Endpoint.ToString();
            switch (e)
            {
                case OciException oci:
                    return oci;
                case EngineResponseException answer:
                    return FromStatus(answer.StatusCode, answer.Body, answer.Reason, what, target, e);
                case TimeoutException or OperationCanceledException:
                    return new OciException(OciErrorKind.Timeout, $"{Subject(what, target)} timed out: the engine at {endpoint} did not answer in time.", target ?? endpoint, e.Message, innerException: e);
                case JsonException:
                    return new OciException(OciErrorKind.EngineError, $"{Subject(what, target)}: the engine at {endpoint} answered with something that is not the JSON expected ({e.Message}).", target ?? endpoint, e.Message, innerException: e);
                case HttpRequestException or IOException or SocketException:
                    if (Ssh(e) is { } ssh)
                        return new OciException(ssh.Kind, $"{Subject(what, target)} failed: {ssh.Why}.", target ?? endpoint, ssh.Why, innerException: e);
                    if (connection.Tls?.Explain(e) is { } tls)
                        return new OciException(tls.Kind, $"{Subject(what, target)} failed: {tls.Why}.", target ?? endpoint, tls.Why, innerException: e);
                    var cause = Exceptions.Innermost(e).Message;
                    return new OciException(OciErrorKind.EngineUnavailable, $"{Subject(what, target)} failed: the engine at {endpoint} cannot be reached ({cause}).", target ?? endpoint, cause, innerException: e);
                default:
                    return new OciException(OciErrorKind.EngineError, $"{Subject(what, target)} failed: {e.Message}", target, e.Message, innerException: e);
            }
        }

        /// <summary>
        /// Why a ping to <paramref name="endpoint"/> failed (connect time): nothing answers, nothing within
        /// <paramref name="timeout"/>, or — over TLS — a certificate refused either way, each saying how to fix it.
        /// </summary>
        public static OciException Unreachable(OciEndpoint endpoint, Exception e, TlsMaterial? tls, TimeSpan timeout)
        {
            if (Ssh(e) is { } ssh)
                return CannotConnect(endpoint, ssh.Why, e, ssh.Kind);
            if (tls?.Explain(e) is { } explained && (e is not OperationCanceledException || tls.Rejection is not null))
                return CannotConnect(endpoint, explained.Why, e, explained.Kind);
            if (e is OperationCanceledException)
                return CannotConnect(endpoint, $"it did not answer a ping within {timeout.TotalSeconds:0.#} s", e);
            return CannotConnect(endpoint, Exceptions.Innermost(e).Message.TrimEnd('.'), e);
        }

        /// <summary>The ssh failure that caused <paramref name="e"/>, when it came from an ssh connection (HTTP wraps it).</summary>
        private static SshTransportException? Ssh(Exception e)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
                if (x is SshTransportException ssh) return ssh;
            return null;
        }

        /// <summary>A ping answered with an HTTP error and no API version: not an engine, or a TLS port spoken to in plain HTTP.</summary>
        public static OciException NotAnEngine(OciEndpoint endpoint, HttpStatusCode status, string body) =>
            // Go's TLS server answers a plain HTTP request with 400 "Client sent an HTTP request to an HTTPS server."
            status == HttpStatusCode.BadRequest && body.IndexOf("HTTPS server", StringComparison.OrdinalIgnoreCase) >= 0
                ? CannotConnect(endpoint,
                    "it speaks TLS (HTTPS) and this connection was plain HTTP. Connect with TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory of ca.pem, cert.pem and key.pem, or pass -CertificatePath (OciConnectOptions.Tls)",
                    null)
                : CannotConnect(endpoint, $"it answered HTTP {(int)status} to a ping, not like a container engine", null);

        public static OciException CannotConnect(OciEndpoint endpoint, string why, Exception? inner, OciErrorKind kind = OciErrorKind.EngineUnavailable) =>
            new(kind, $"Cannot connect to the engine at '{endpoint}': {why}.", endpoint.Text, why, innerException: inner);

        /// <summary>True when an engine's HTTP error answer means "no such thing" (dockerd's 404; Podman's words on a 500).</summary>
        public static bool IsNotFound(EngineResponseException e) => FromStatus(e.StatusCode, e.Body, e.Reason, string.Empty, null).Kind == OciErrorKind.NotFound;

        /// <summary>What a request does, for messages: <c>Pull image</c>, <c>Inspect container</c>, <c>Version</c>.</summary>
        public static string What(OciRequest request)
        {
            var method = request.Method.Length == 0 ? request.Method : request.Method.Substring(0, 1) + request.Method.Substring(1).ToLowerInvariant().Replace('_', ' ');
            return request.Kind == OciKind.Engine ? method : method + " " + request.Kind.ToString().ToLowerInvariant();
        }

        /// <summary>
        /// Maps an engine's HTTP error answer (Docker's <c>{"message"}</c> body, or Podman's
        /// <c>{"cause","message","response"}</c>) by its status, refined by the engine's words.
        /// </summary>
        public static OciException FromStatus(HttpStatusCode status, string? body, string? fallbackText, string what, string? target, Exception? inner = null)
        {
            var text = EngineText(body) ?? fallbackText ?? $"HTTP {(int)status}";
            var kind = status switch
            {
                HttpStatusCode.BadRequest => Classify(text, OciErrorKind.InvalidArgument),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => OciErrorKind.Unauthorized,
                HttpStatusCode.NotFound => OciErrorKind.NotFound,
                HttpStatusCode.Conflict => OciErrorKind.Conflict,
                HttpStatusCode.NotImplemented => OciErrorKind.Unsupported,
                HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => OciErrorKind.Timeout,
                _ => Classify(text, OciErrorKind.EngineError),
            };
            return new OciException(kind, Describe(kind, what, target, text), target, text, (int)status, inner);
        }

        /// <summary>Maps an in-band error line of a stream (<c>errorDetail</c> after HTTP 200).</summary>
        public static OciException FromStream(string message, long? code, string what, string? target)
        {
            var kind = code switch
            {
                401 or 403 => OciErrorKind.Unauthorized,
                404 => OciErrorKind.NotFound,
                _ => Classify(message, OciErrorKind.EngineError),
            };
            return new OciException(kind, Describe(kind, what, target, message), target, message, code is > 0 ? (int?)code : null);
        }

        /// <summary>Reads the kind off the engine's words when the HTTP status is too coarse (dockerd answers 500 for most registry failures).</summary>
        internal static OciErrorKind Classify(string text, OciErrorKind fallback)
        {
            var t = text.ToLowerInvariant();
            if (Has(t, "unauthorized", "authentication required", "no basic auth credentials", "access denied", "denied: requested access", "incorrect username or password"))
                return OciErrorKind.Unauthorized;
            if (Has(t, "manifest unknown", "not found", "no such image", "name unknown", "does not exist", "repository does not exist", "image not known",
                    "no such container", "has already been removed"))
                return OciErrorKind.NotFound;
            if (Has(t, "connection refused", "no such host", "dial tcp", "network is unreachable", "server misbehaving", "connection reset", "http: server gave http response to https client", "tls: "))
                return OciErrorKind.RegistryUnavailable;
            if (Has(t, "i/o timeout", "timeout exceeded", "deadline exceeded", "timed out"))
                return OciErrorKind.Timeout;
            // Podman: "unable to delete image ... by ID with more than one tag (...): please force removal" (HTTP 500, where dockerd answers 409).
            if (Has(t, "conflict", "is using its referenced image", "image is being used", "must be forced", "image is in use", "please force removal", "already exists"))
                return OciErrorKind.Conflict;
            // Containers in the wrong state (Podman answers 500 where dockerd answers 409).
            if (Has(t, "container state improper", "is not running", "is already paused", "is not paused", "cannot remove a running container"))
                return OciErrorKind.Conflict;
            if (Has(t, "invalid reference format"))
                return OciErrorKind.InvalidReference;
            if (Has(t, "invalid platform", "unknown operating system", "invalid argument", "invalid signal"))
                return OciErrorKind.InvalidArgument;
            return fallback;
        }

        private static string Describe(OciErrorKind kind, string what, string? target, string engineText)
        {
            var subject = Subject(what, target);
            var why = kind switch
            {
                OciErrorKind.NotFound => "not found",
                OciErrorKind.Unauthorized => "access denied (missing or wrong registry credentials)",
                OciErrorKind.Conflict => "conflicts with the engine's state",
                OciErrorKind.RegistryUnavailable => "the registry cannot be reached",
                OciErrorKind.Timeout => "timed out",
                OciErrorKind.InvalidArgument => "the engine refused the request",
                OciErrorKind.Unsupported => "not supported by this engine",
                _ => "failed",
            };
            return $"{subject}: {why}. Engine said: {engineText.Trim()}";
        }

        private static string Subject(string what, string? target) => target is null ? what : $"{what} '{target}'";

        /// <summary>The <c>message</c> of the engine's JSON error body, or the body itself.</summary>
        private static string? EngineText(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                using var doc = JsonDocument.Parse(body!);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    return m.GetString();
            }
            catch (JsonException)
            {
                // Not JSON: an old engine or a proxy; keep its text as it is.
            }
            return body!.Trim();
        }

        private static bool Has(string text, params string[] needles)
        {
            foreach (var n in needles)
                if (text.IndexOf(n, StringComparison.Ordinal) >= 0) return true;
            return false;
        }
    }
}
