namespace Oci
{
    /// <summary>The parameter names PULL takes, for callers building an <see cref="OciRequest"/> themselves.</summary>
    public static class OciPullParameters
    {
        /// <summary><c>os[/arch[/variant]]</c>.</summary>
        public const string Platform = "platform";

        /// <summary>An <see cref="Credentials.OciRegistryCredential"/> (never shown: the request line redacts it).</summary>
        public const string Credential = "credential";

        /// <summary>True to allow credentials over a plain-text, non-loopback <c>tcp://</c> engine.</summary>
        public const string AllowUnencryptedAuthentication = "allowUnencryptedAuthentication";
    }
}
