namespace Oci
{
    /// <summary>What WAIT waits for.</summary>
    public enum OciWaitCondition
    {
        /// <summary>The container does not run (answers at once for one that is stopped or only created).</summary>
        NotRunning,
        /// <summary>The container's next exit.</summary>
        NextExit,
        /// <summary>The container is removed.</summary>
        Removed,
    }

    /// <summary>Options of WAIT: the answer's data is the exit code (an <see cref="int"/>).</summary>
    public sealed class OciContainerWaitOptions
    {
        public OciWaitCondition Condition { get; set; }
    }
}
