using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>A container, as LIST and INSPECT report it: the same shape, filled the same way, from every driver.</summary>
    public sealed class OciContainer
    {
        /// <summary>The full id (64 hex characters).</summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The name, without Docker's leading slash.</summary>
        public string Name { get; init; } = string.Empty;

        /// <summary>The image as the container was created from it (a reference, or an id).</summary>
        public string Image { get; init; } = string.Empty;

        /// <summary>The image's id (<c>sha256:…</c>).</summary>
        public string ImageId { get; init; } = string.Empty;

        /// <summary>What runs: the entrypoint and its arguments, as the runtime starts it.</summary>
        public IReadOnlyList<string> Command { get; init; } = Array.Empty<string>();

        public DateTimeOffset? Created { get; init; }

        /// <summary>The OCI status: <c>created</c>, <c>running</c>, <c>paused</c>, <c>stopped</c> (<see cref="OciContainerStatus"/>).</summary>
        public string State { get; init; } = OciContainerStatus.Stopped;

        /// <summary>The engine's own word for the state (<c>exited</c>, <c>dead</c>, <c>restarting</c>, ...).</summary>
        public string EngineState { get; init; } = string.Empty;

        /// <summary>The exit code of the last run; null while it never ran or runs.</summary>
        public int? ExitCode { get; init; }

        public DateTimeOffset? StartedAt { get; init; }

        public DateTimeOffset? FinishedAt { get; init; }

        /// <summary>The process id on the host while it runs; 0 otherwise.</summary>
        public int Pid { get; init; }

        public int RestartCount { get; init; }

        public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

        /// <summary>The environment as <c>NAME=value</c> entries (the engine may add its own, such as PATH).</summary>
        public IReadOnlyList<string> Environment { get; init; } = Array.Empty<string>();

        public string? WorkingDirectory { get; init; }

        public string? User { get; init; }

        public string? NetworkMode { get; init; }

        public IReadOnlyList<OciMount> Mounts { get; init; } = Array.Empty<OciMount>();

        public IReadOnlyList<OciPortBinding> Ports { get; init; } = Array.Empty<OciPortBinding>();

        /// <summary><c>no</c>, <c>always</c>, <c>on-failure</c> or <c>unless-stopped</c>.</summary>
        public string RestartPolicy { get; init; } = "no";

        /// <summary>The memory limit in bytes; 0 = none.</summary>
        public long MemoryLimit { get; init; }

        /// <summary>The CPU limit in CPUs (1.5 = one and a half); 0 = none.</summary>
        public double Cpus { get; init; }

        /// <summary>True when the engine removes the container once it exits.</summary>
        public bool AutoRemove { get; init; }

        /// <summary>The id cut to 12 characters, as docker ps shows it.</summary>
        public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;

        public override string ToString() => Name.Length > 0 ? Name : ShortId;
    }
}
