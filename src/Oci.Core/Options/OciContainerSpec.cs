using System.Collections.Generic;

namespace Oci
{
    /// <summary>When CREATE (and RUN) pull the image.</summary>
    public enum OciPullPolicy
    {
        /// <summary>Pull only when the engine does not have the image (the default, as docker run does).</summary>
        Missing,
        /// <summary>Always pull first.</summary>
        Always,
        /// <summary>Never pull: a missing image is NotFound.</summary>
        Never,
    }

    /// <summary>When the engine restarts a container that stopped.</summary>
    public enum OciRestartPolicy
    {
        No,
        Always,
        OnFailure,
        UnlessStopped,
    }

    /// <summary>
    /// What a container is made of: the options of CREATE (and, with <see cref="OciRunOptions"/>, RUN). Every key binds
    /// from a request's parameters by name too (<c>image</c>, <c>name</c>, <c>command</c>, ...; unknown keys are refused
    /// by name). The image is <see cref="Image"/>, else the request's target. Everything is checked before anything is sent.
    /// </summary>
    public class OciContainerSpec
    {
        /// <summary>The image reference (or id) to create the container from; else the request's target.</summary>
        public string? Image { get; set; }

        /// <summary>The container's name (letters, digits, <c>_ . -</c>); null = one the engine chooses.</summary>
        public string? Name { get; set; }

        /// <summary>The command (arguments to the entrypoint); null = the image's.</summary>
        public IReadOnlyList<string>? Command { get; set; }

        /// <summary>The entrypoint; null = the image's, an empty list = none.</summary>
        public IReadOnlyList<string>? Entrypoint { get; set; }

        /// <summary>Environment variables (name → value).</summary>
        public IReadOnlyDictionary<string, string>? Environment { get; set; }

        public IReadOnlyDictionary<string, string>? Labels { get; set; }

        /// <summary>The working directory (absolute); null = the image's.</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>The user (<c>name</c>, <c>uid</c>, <c>uid:gid</c>); null = the image's.</summary>
        public string? User { get; set; }

        /// <summary>The network mode (<c>none</c>, <c>host</c>, <c>bridge</c>, a network name); null = the engine's default.</summary>
        public string? NetworkMode { get; set; }

        /// <summary>Bind, volume and tmpfs mounts.</summary>
        public IReadOnlyList<OciMount>? Mounts { get; set; }

        /// <summary>Published ports.</summary>
        public IReadOnlyList<OciPortBinding>? Ports { get; set; }

        public OciRestartPolicy RestartPolicy { get; set; }

        /// <summary>How often <see cref="OciRestartPolicy.OnFailure"/> restarts at most; 0 = no limit.</summary>
        public int MaximumRetryCount { get; set; }

        /// <summary>The memory limit in bytes; 0 = none.</summary>
        public long MemoryLimit { get; set; }

        /// <summary>The CPU limit in CPUs (0.5 = half a CPU); 0 = none.</summary>
        public double Cpus { get; set; }

        /// <summary>Let the engine remove the container when it exits.</summary>
        public bool AutoRemove { get; set; }

        public OciPullPolicy PullPolicy { get; set; }
    }
}
