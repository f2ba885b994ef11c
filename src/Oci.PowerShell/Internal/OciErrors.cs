using System;
using System.Management.Automation;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The one mapping from Oci.Core failures to PowerShell <see cref="ErrorRecord"/>s: a fitting category, a stable
    /// ErrorId (<c>Oci.&lt;Kind&gt;</c>; <c>Oci.ImageNotFound</c>, <c>Oci.ContainerNotFound</c>, ... when the thing a
    /// cmdlet acts on is missing), the offending reference, id or endpoint as the user gave it as TargetObject, a
    /// recommended action where one helps, and the exception attached.
    /// </summary>
    internal static class OciErrors
    {
        public const string NoConnectionId = "Oci.NoConnection";
        public const string ConnectionClosedId = "Oci.ConnectionClosed";
        public const string ConnectionNotFoundId = "Oci.ConnectionNotFound";
        public const string ConnectionNameInUseId = "Oci.ConnectionNameInUse";
        public const string UnexpectedId = "Oci.UnexpectedError";

        public static ErrorCategory Category(OciErrorKind kind) => kind switch
        {
            OciErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            OciErrorKind.InvalidReference => ErrorCategory.InvalidArgument,
            OciErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            OciErrorKind.Unauthorized => ErrorCategory.PermissionDenied,
            OciErrorKind.EngineUnavailable => ErrorCategory.ConnectionError,
            OciErrorKind.RegistryUnavailable => ErrorCategory.ConnectionError,
            // The engine's 409s are about state in use (an image used by a container, a tag being written): busy, not "exists".
            OciErrorKind.Conflict => ErrorCategory.ResourceBusy,
            OciErrorKind.Timeout => ErrorCategory.OperationTimeout,
            OciErrorKind.Cancelled => ErrorCategory.OperationStopped,
            OciErrorKind.Unsupported => ErrorCategory.NotImplemented,
            OciErrorKind.ConnectionClosed => ErrorCategory.ConnectionError,
            OciErrorKind.EngineError => ErrorCategory.NotSpecified,
            _ => ErrorCategory.NotSpecified,
        };

        /// <summary>
        /// The ErrorId for <paramref name="kind"/>: <c>Oci.&lt;Target&gt;NotFound</c> for NotFound on an image, container,
        /// volume or network the cmdlet acts on (<paramref name="target"/>), else <c>Oci.&lt;Kind&gt;</c>.
        /// </summary>
        public static string ErrorId(OciErrorKind kind, OciKind? target) =>
            kind == OciErrorKind.NotFound && target is { } t && t is not (OciKind.Engine or OciKind.Registry) ? "Oci." + t + "NotFound" : "Oci." + kind;

        /// <summary>
        /// The record for <paramref name="exception"/>. <paramref name="target"/> is what the user gave (the reference
        /// piped in, -Target, -Endpoint); when null, the exception's own target is used.
        /// </summary>
        public static ErrorRecord From(OciException exception, object? target, OciKind? targetKind = null)
        {
            var record = new ErrorRecord(exception, ErrorId(exception.Kind, targetKind), Category(exception.Kind), target ?? exception.Target);
            var action = RecommendedAction(exception.Kind, targetKind);
            record.ErrorDetails = new ErrorDetails(exception.Message);
            if (action is not null) record.ErrorDetails.RecommendedAction = action;
            return record;
        }

        /// <summary>A failure that is not an <see cref="OciException"/> (a bug, most likely): kept, with the exception attached.</summary>
        public static ErrorRecord Unexpected(Exception exception, object? target) =>
            new(exception, UnexpectedId, ErrorCategory.NotSpecified, target);

        public static ErrorRecord NoConnection() =>
            new(new InvalidOperationException("There is no connection to an engine in this session. Run Connect-OciEngine first, or pass -Connection."),
                NoConnectionId, ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails("There is no connection to an engine in this session. Run Connect-OciEngine first, or pass -Connection.")
                {
                    RecommendedAction = "Run Connect-OciEngine (for example: Connect-OciEngine -Endpoint unix:///var/run/docker.sock), then try again.",
                },
            };

        public static ErrorRecord ConnectionClosed(OciConnection connection)
        {
            var message = $"The connection '{connection.Name}' to {connection.Endpoint} is closed. Run Connect-OciEngine to connect again.";
            return new ErrorRecord(new OciException(OciErrorKind.ConnectionClosed, message, connection.Endpoint), ConnectionClosedId, ErrorCategory.ConnectionError, connection)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run Connect-OciEngine to open a new connection." },
            };
        }

        public static ErrorRecord ConnectionNotFound(string name)
        {
            var message = $"There is no connection named '{name}' in this session. Run Get-OciConnection to list the connections.";
            return new ErrorRecord(new ItemNotFoundException(message), ConnectionNotFoundId, ErrorCategory.ObjectNotFound, name)
            {
                ErrorDetails = new ErrorDetails(message),
            };
        }

        public static ErrorRecord ConnectionNameInUse(string name)
        {
            var message = $"A connection named '{name}' already exists in this session. Choose another -Name, or run Disconnect-OciEngine -Name {name} first.";
            return new ErrorRecord(new InvalidOperationException(message), ConnectionNameInUseId, ErrorCategory.ResourceExists, name)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Use another -Name, or run Disconnect-OciEngine -Name {name} first." },
            };
        }

        public static ErrorRecord InvalidArgument(string message, object? target) =>
            new(new ArgumentException(message), "Oci." + nameof(OciErrorKind.InvalidArgument), ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(message),
            };

        /// <summary>What this host or PowerShell cannot do (PowerShell sessions in containers on an older PowerShell, say): <c>Oci.Unsupported</c>, NotImplemented.</summary>
        public static ErrorRecord Unsupported(string message, object? target, string? recommendedAction = null) =>
            new(new OciException(OciErrorKind.Unsupported, message, target?.ToString()), "Oci." + nameof(OciErrorKind.Unsupported), ErrorCategory.NotImplemented, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
            };

        /// <summary>A terminating refusal of a wildcard pattern that does not parse (an unclosed '[', say).</summary>
        public static ErrorRecord InvalidWildcard(string pattern, Exception inner) =>
            new(new ArgumentException($"'{pattern}' is not a valid wildcard pattern: {inner.Message}", inner), "Oci.InvalidWildcard", ErrorCategory.InvalidArgument, pattern)
            {
                ErrorDetails = new ErrorDetails($"'{pattern}' is not a valid wildcard pattern: {inner.Message}")
                {
                    RecommendedAction = "Escape the wildcard characters [ ] * ? with a backtick, or use a name without them.",
                },
            };

        private static string? RecommendedAction(OciErrorKind kind, OciKind? target) => kind switch
        {
            OciErrorKind.NotFound when target == OciKind.Image =>
                "Check the repository name and tag or digest. Get-OciImage lists the images the engine has.",
            OciErrorKind.NotFound when target is { } t && t is not (OciKind.Engine or OciKind.Registry) =>
                $"Check the {t.ToString().ToLowerInvariant()}'s name or id. Get-Oci{t} lists those the engine has.",
            OciErrorKind.InvalidReference =>
                "Use a reference of the form [registry/]repository[:tag][@digest], for example docker.io/library/alpine:latest.",
            OciErrorKind.Unauthorized =>
                "Check the credentials for the registry or engine, and that the account may access the repository.",
            OciErrorKind.EngineUnavailable =>
                "Check that the engine is running and that the endpoint is right, then run Connect-OciEngine again.",
            OciErrorKind.RegistryUnavailable =>
                "Check the registry address and that the registry is running and reachable from the engine.",
            OciErrorKind.Timeout =>
                "Try again; the engine or registry did not answer in time.",
            OciErrorKind.Unsupported =>
                "Use a driver, method or option the engine supports: press Tab after -Driver or -Method to list them.",
            OciErrorKind.ConnectionClosed =>
                "Run Connect-OciEngine to open a new connection.",
            OciErrorKind.Conflict =>
                "The engine's state conflicts with the request (for example, the image is used by a container); resolve that first.",
            _ => null,
        };
    }
}
