using System;
using System.Net;

namespace Oci.Transport
{
    /// <summary>An engine answered with an HTTP error: its status and (the start of) its body, for the driver to map.</summary>
    internal sealed class EngineResponseException : Exception
    {
        public EngineResponseException(HttpStatusCode statusCode, string? body, string? reason)
            : base($"HTTP {(int)statusCode} {reason}".TrimEnd())
        {
            StatusCode = statusCode;
            Body = body;
            Reason = reason;
        }

        public HttpStatusCode StatusCode { get; }

        public string? Body { get; }

        public string? Reason { get; }
    }
}
