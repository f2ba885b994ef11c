namespace Oci
{
    /// <summary>
    /// A container's status in the words of the OCI runtime specification's state (<c>creating</c>, <c>created</c>,
    /// <c>running</c>, <c>stopped</c>), plus <c>paused</c>, which the engines add. The engines' own words (exited, dead,
    /// restarting, ...) map onto these; <see cref="OciContainer.EngineState"/> keeps the engine's word.
    /// </summary>
    public static class OciContainerStatus
    {
        public const string Creating = "creating";
        public const string Created = "created";
        public const string Running = "running";
        public const string Stopped = "stopped";
        public const string Paused = "paused";

        /// <summary>The OCI status of an engine's state word (Docker's or Podman's); unknown words are <c>stopped</c> when not running.</summary>
        public static string FromEngine(string? engineState, bool running = false) =>
            (engineState ?? string.Empty).ToLowerInvariant() switch
            {
                "created" or "configured" or "initialized" => Created,
                "running" or "stopping" => Running,
                "paused" => Paused,
                // Docker's restarting: the runtime is bringing the process back.
                "restarting" => Creating,
                _ => running ? Running : Stopped,
            };
    }
}
