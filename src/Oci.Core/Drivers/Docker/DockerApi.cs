using System;

namespace Oci.Drivers.Docker
{
    /// <summary>API versions the driver negotiates between.</summary>
    internal static class DockerApi
    {
        /// <summary>The newest API Docker.DotNet.Enhanced 4.3 models (Docker Engine 29); engines announcing more are spoken to at this one.</summary>
        public static readonly Version MaxModeled = new(1, 52);

        /// <summary>Assumed when an engine's ping does not say (very old engines); Docker's own client does the same.</summary>
        public static readonly Version Fallback = new(1, 24);

        public static Version Negotiate(string? announced)
        {
            if (string.IsNullOrEmpty(announced) || !Version.TryParse(announced, out var v)) return Fallback;
            return v > MaxModeled ? MaxModeled : v;
        }
    }
}
