using System;

namespace Oci
{
    /// <summary>
    /// The one exception type Oci throws for failed operations. <see cref="Kind"/> says what went wrong in
    /// engine-agnostic terms; <see cref="EngineMessage"/> keeps the engine's own words.
    /// </summary>
    public class OciException : Exception
    {
        public OciException(OciErrorKind kind, string message, string? target = null, string? engineMessage = null, int? statusCode = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Target = target;
            EngineMessage = engineMessage;
            StatusCode = statusCode;
        }

        /// <summary>The standard error kind.</summary>
        public OciErrorKind Kind { get; }

        /// <summary>The reference, id or endpoint the failure concerns, as the caller gave it.</summary>
        public string? Target { get; }

        /// <summary>The engine's or registry's own error text, when there was one.</summary>
        public string? EngineMessage { get; }

        /// <summary>The HTTP status the engine answered with, when the failure came from an HTTP response.</summary>
        public int? StatusCode { get; }
    }
}
