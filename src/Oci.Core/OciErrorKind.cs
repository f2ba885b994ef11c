namespace Oci
{
    /// <summary>The standard error kinds every driver reports, whatever its engine said.</summary>
    public enum OciErrorKind
    {
        /// <summary>An argument or parameter was malformed or missing.</summary>
        InvalidArgument,
        /// <summary>An image reference does not follow the distribution reference grammar.</summary>
        InvalidReference,
        /// <summary>The image, container or other target does not exist.</summary>
        NotFound,
        /// <summary>The engine or a registry refused the credentials, or none were given where needed.</summary>
        Unauthorized,
        /// <summary>The request conflicts with the engine's state (image in use, name taken, ...).</summary>
        Conflict,
        /// <summary>The engine could not be reached at its endpoint.</summary>
        EngineUnavailable,
        /// <summary>The engine or registry did not answer in time.</summary>
        Timeout,
        /// <summary>The caller cancelled the operation.</summary>
        Cancelled,
        /// <summary>The driver or engine does not support the method or option.</summary>
        Unsupported,
        /// <summary>The client or connection was closed before or during the call.</summary>
        ConnectionClosed,
        /// <summary>The engine failed the request for another reason; its text is preserved.</summary>
        EngineError,
        /// <summary>The engine is up but the registry it was sent to could not be reached.</summary>
        RegistryUnavailable,
    }
}
