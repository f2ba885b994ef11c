using System;
using System.Diagnostics;
using System.Net;
using System.Security;

namespace Oci.Credentials
{
    /// <summary>
    /// A credential for one registry: a user name and password, or an identity token (an OAuth refresh token a
    /// registry handed out). The secret has no property: it stays out of <see cref="ToString"/>, the debugger,
    /// serializers, PowerShell's formatting and every message; drivers read it with <see cref="GetPassword"/> or
    /// <see cref="GetIdentityToken"/> (or send it with <see cref="RegistryAuthHeader.Encode"/>).
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class OciRegistryCredential
    {
        /// <summary>The user name credential helpers use to mean "the secret is an identity token".</summary>
        public const string TokenUsername = "<token>";

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly string? _password;

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly string? _identityToken;

        /// <summary>A user name and password for <paramref name="serverAddress"/> (null: the registry it is resolved or used for).</summary>
        public OciRegistryCredential(string username, string password, string? serverAddress = null)
            : this(RequireUsername(username), password ?? throw Missing("password", username), null, serverAddress, null)
        {
        }

        /// <summary>A user name and a password held as a <see cref="SecureString"/> (a PowerShell <c>PSCredential</c>).</summary>
        public OciRegistryCredential(string username, SecureString password, string? serverAddress = null)
            : this(RequireUsername(username), password is null ? throw Missing("password", username) : new NetworkCredential(string.Empty, password).Password, null, serverAddress, null)
        {
        }

        private OciRegistryCredential(string? username, string? password, string? identityToken, string? serverAddress, string? source)
        {
            Username = username;
            _password = password;
            _identityToken = identityToken;
            ServerAddress = OciEnvironment.NonEmpty(serverAddress?.Trim());
            Source = source;
        }

        /// <summary>An identity token (what <c>docker login</c> stores as <c>identitytoken</c>, or a helper returns for user <c>&lt;token&gt;</c>).</summary>
        public static OciRegistryCredential FromIdentityToken(string identityToken, string? serverAddress = null, string? username = null)
        {
            if (string.IsNullOrEmpty(identityToken)) throw Missing("identity token", username);
            return new OciRegistryCredential(OciEnvironment.NonEmpty(username), null, identityToken, serverAddress, null);
        }

        /// <summary>From a <see cref="NetworkCredential"/> (its domain is ignored).</summary>
        public static OciRegistryCredential FromNetworkCredential(NetworkCredential credential, string? serverAddress = null)
        {
            if (credential is null) throw new OciException(OciErrorKind.InvalidArgument, "A credential is required.");
            return new OciRegistryCredential(credential.UserName, credential.Password ?? string.Empty, serverAddress);
        }

        /// <summary>The user name; null for an identity token that came without one.</summary>
        public string? Username { get; }

        /// <summary>The registry this credential is for, as Docker keys it (<c>https://index.docker.io/v1/</c>, <c>host:port</c>); null when not yet known.</summary>
        public string? ServerAddress { get; }

        /// <summary>True when the secret is an identity token rather than a password.</summary>
        public bool IsIdentityToken => _identityToken is not null;

        /// <summary>Where resolution found it (<c>explicit</c>, <c>credHelpers: docker-credential-pass</c>, <c>auths in /home/u/.docker/config.json</c>, ...); null for one built by hand.</summary>
        public string? Source { get; }

        /// <summary>The password; null for an identity token. For drivers: never log or display it.</summary>
        public string? GetPassword() => _password;

        /// <summary>The identity token; null for a password credential. For drivers: never log or display it.</summary>
        public string? GetIdentityToken() => _identityToken;

        /// <summary>As a <see cref="NetworkCredential"/> (an identity token becomes the password of user <c>&lt;token&gt;</c>).</summary>
        public NetworkCredential ToNetworkCredential() =>
            IsIdentityToken ? new NetworkCredential(TokenUsername, _identityToken) : new NetworkCredential(Username, _password);

        /// <summary>A copy for <paramref name="serverAddress"/>.</summary>
        public OciRegistryCredential WithServerAddress(string? serverAddress) =>
            new(Username, _password, _identityToken, serverAddress, Source);

        internal OciRegistryCredential WithSource(string source, string? serverAddress) =>
            new(Username, _password, _identityToken, ServerAddress ?? serverAddress, source);

        /// <summary>E.g. <c>ociuser (password) for 127.0.0.1:5001 from explicit</c>; never the secret.</summary>
        public override string ToString() =>
            (Username ?? TokenUsername) + (IsIdentityToken ? " (identity token)" : " (password)")
            + (ServerAddress is null ? string.Empty : " for " + ServerAddress)
            + (Source is null ? string.Empty : " from " + Source);

        private static string RequireUsername(string username)
        {
            if (string.IsNullOrWhiteSpace(username))
                throw new OciException(OciErrorKind.InvalidArgument, "A registry credential needs a user name.");
            return username;
        }

        private static OciException Missing(string what, string? username) =>
            new(OciErrorKind.InvalidArgument, $"A registry credential needs a {what}" + (string.IsNullOrEmpty(username) ? "." : $" (user '{username}')."));
    }
}
