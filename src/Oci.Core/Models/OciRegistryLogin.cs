namespace Oci
{
    /// <summary>What LOGIN or LOGOUT did: for which registry and user, and where the credential was stored or erased (never the secret).</summary>
    public sealed class OciRegistryLogin
    {
        /// <summary>The registry as docker keys it (<c>host:port</c>, or <c>https://index.docker.io/v1/</c>).</summary>
        public string ServerAddress { get; init; } = string.Empty;

        /// <summary>The user name (null for an identity token without one, or a logout).</summary>
        public string? Username { get; init; }

        /// <summary><c>Login Succeeded</c>, <c>Logged out</c>, <c>Not logged in</c>.</summary>
        public string Status { get; init; } = string.Empty;

        /// <summary>Where the credential went or was erased from: <c>docker-credential-pass</c>, or a file path.</summary>
        public string? Store { get; init; }

        public override string ToString() => $"{ServerAddress}: {Status}";
    }
}
