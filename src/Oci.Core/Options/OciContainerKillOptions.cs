namespace Oci
{
    /// <summary>Options of KILL.</summary>
    public sealed class OciContainerKillOptions
    {
        /// <summary>The signal: a name (<c>KILL</c>, <c>SIGTERM</c>, <c>HUP</c>) or a number (1–64); default <c>KILL</c>.</summary>
        public string? Signal { get; set; }
    }
}
