namespace Oci
{
    /// <summary>What the engine's ping answered (PING).</summary>
    public sealed class OciPing
    {
        public string Engine { get; init; } = string.Empty;
        public string ApiVersion { get; init; } = string.Empty;
        public string? OsType { get; init; }
        /// <summary>The round trip of the ping itself, in milliseconds.</summary>
        public double RoundTripMilliseconds { get; init; }

        public override string ToString() => $"{Engine} API {ApiVersion} ({RoundTripMilliseconds:0.#} ms)";
    }
}
