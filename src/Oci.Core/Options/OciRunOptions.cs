namespace Oci
{
    /// <summary>
    /// The options of RUN: a container spec (<see cref="OciContainerSpec"/>) plus <see cref="Keep"/>. RUN creates, starts,
    /// waits for and reads the container, then removes it unless <see cref="Keep"/> (it does not rely on the engine's
    /// auto-remove, which would take the logs with it); a run cancelled midway removes the container too.
    /// </summary>
    public sealed class OciRunOptions : OciContainerSpec
    {
        /// <summary>Keep the container after it exited.</summary>
        public bool Keep { get; set; }
    }
}
