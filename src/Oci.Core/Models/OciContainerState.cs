using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// A container's state as the OCI runtime specification defines it (<c>ociVersion</c>, <c>id</c>, <c>status</c>,
    /// <c>pid</c>, <c>bundle</c>, <c>annotations</c>), the same from every driver. <c>paused</c> is the engines' extension
    /// of the status values.
    /// </summary>
    public sealed class OciContainerState
    {
        /// <summary>The version of the runtime specification this state object follows.</summary>
        public const string SpecVersion = "1.0.2";

        public string OciVersion { get; init; } = SpecVersion;

        public string Id { get; init; } = string.Empty;

        /// <summary><c>creating</c>, <c>created</c>, <c>running</c>, <c>stopped</c> or <c>paused</c> (<see cref="OciContainerStatus"/>).</summary>
        public string Status { get; init; } = OciContainerStatus.Stopped;

        /// <summary>The container process's id on the host while it is created or running; null otherwise.</summary>
        public int? Pid { get; init; }

        /// <summary>
        /// The absolute path of the container's bundle directory, where the engine's API says it (Podman does; dockerd's
        /// API does not, and then this is null rather than a guess).
        /// </summary>
        public string? Bundle { get; init; }

        public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

        public override string ToString() => $"{Id} {Status}";
    }
}
