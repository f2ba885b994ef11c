using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security;
using System.Text.Json;
using Oci.Credentials;
using Xunit;

namespace Oci.Tests.Credentials
{
    /// <summary>The credential type keeps its secret out of every string form; the X-Registry-Auth encoding is exact.</summary>
    public sealed class RegistryCredentialTests
    {
        private const string Secret = "pa$$-W0rd-zz9";

        [Fact]
        public void A_password_credential_shows_its_user_and_registry_but_never_the_password()
        {
            var c = new OciRegistryCredential("ociuser", Secret, "127.0.0.1:5001");
            Assert.Equal("ociuser (password) for 127.0.0.1:5001", c.ToString());
            Assert.Equal(Secret, c.GetPassword());
            Assert.Null(c.GetIdentityToken());
            Assert.False(c.IsIdentityToken);
            AssertSecretHidden(c, Secret);
        }

        [Fact]
        public void An_identity_token_is_never_shown_either()
        {
            var c = OciRegistryCredential.FromIdentityToken(Secret, "https://index.docker.io/v1/");
            Assert.Equal("<token> (identity token) for https://index.docker.io/v1/", c.ToString());
            Assert.Equal(Secret, c.GetIdentityToken());
            AssertSecretHidden(c, Secret);
        }

        [Fact]
        public void A_SecureString_password_is_taken_as_PSCredential_gives_it()
        {
            using var secure = new SecureString();
            foreach (var ch in Secret) secure.AppendChar(ch);
            var c = new OciRegistryCredential("u", secure);
            Assert.Equal(Secret, c.GetPassword());
            Assert.Null(c.ServerAddress);
            AssertSecretHidden(c, Secret);
        }

        [Fact]
        public void NetworkCredential_both_ways()
        {
            var c = OciRegistryCredential.FromNetworkCredential(new NetworkCredential("u", Secret, "ignored-domain"), "r.example");
            Assert.Equal(("u", Secret, "r.example"), (c.Username, c.GetPassword(), c.ServerAddress));
            var back = c.ToNetworkCredential();
            Assert.Equal(("u", Secret), (back.UserName, back.Password));
            var token = OciRegistryCredential.FromIdentityToken("t").ToNetworkCredential();
            Assert.Equal(("<token>", "t"), (token.UserName, token.Password));
        }

        [Fact]
        public void Copies_keep_the_secret_and_change_the_server()
        {
            var c = new OciRegistryCredential("u", Secret).WithServerAddress("r.example");
            Assert.Equal(("r.example", Secret), (c.ServerAddress, c.GetPassword()));
        }

        [Fact]
        public void Invalid_credentials_are_refused_without_echoing_the_secret()
        {
            var e = Assert.Throws<OciException>(() => new OciRegistryCredential(" ", Secret));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.DoesNotContain(Secret, e.Message);
            e = Assert.Throws<OciException>(() => new OciRegistryCredential("u", (string)null!));
            Assert.Contains("password", e.Message);
            e = Assert.Throws<OciException>(() => OciRegistryCredential.FromIdentityToken(""));
            Assert.Contains("identity token", e.Message);
        }

        [Fact]
        public void The_debugger_shows_ToString_and_not_the_secret_fields()
        {
            var display = typeof(OciRegistryCredential).GetCustomAttribute<DebuggerDisplayAttribute>();
            Assert.Equal("{ToString(),nq}", display!.Value);
            var secretFields = typeof(OciRegistryCredential).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(f => f.FieldType == typeof(string) && f.Name.Contains("password", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("token", StringComparison.OrdinalIgnoreCase))
                .ToList();
            Assert.Equal(2, secretFields.Count);
            Assert.All(secretFields, f => Assert.Equal(DebuggerBrowsableState.Never, f.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State));
            // No public property can hand the secret to a formatter or serializer.
            Assert.DoesNotContain(typeof(OciRegistryCredential).GetProperties(), p => p.Name.Contains("Password") || p.Name.Contains("Token") && p.Name != "IsIdentityToken");
        }

        // ---- X-Registry-Auth ----

        [Fact]
        public void The_header_is_base64url_of_docker_json_byte_for_byte()
        {
            // printf '%s' '{"username":"oci user","password":"p>?~x","serveraddress":"registry.example:5000"}' | base64 -w0 | tr '+/' '-_'
            Assert.Equal("eyJ1c2VybmFtZSI6Im9jaSB1c2VyIiwicGFzc3dvcmQiOiJwPj9-eCIsInNlcnZlcmFkZHJlc3MiOiJyZWdpc3RyeS5leGFtcGxlOjUwMDAifQ==",
                RegistryAuthHeader.Encode(new OciRegistryCredential("oci user", "p>?~x", "registry.example:5000")));
            // Non-ASCII stays UTF-8 (as Go writes it); '/' becomes '_'.
            Assert.Equal("eyJ1c2VybmFtZSI6Im9jaSB1c2VyIiwicGFzc3dvcmQiOiLDvD4_L34iLCJzZXJ2ZXJhZGRyZXNzIjoicmVnaXN0cnkuZXhhbXBsZTo1MDAwIn0=",
                RegistryAuthHeader.Encode(new OciRegistryCredential("oci user", "ü>?/~", "registry.example:5000")));
            // The test bed's registry, as curl proved the engines take it.
            Assert.Equal("eyJ1c2VybmFtZSI6Im9jaXVzZXIiLCJwYXNzd29yZCI6Im9jaS1TZWNyZXQtNDIiLCJzZXJ2ZXJhZGRyZXNzIjoiMTI3LjAuMC4xOjUwMDEifQ==",
                RegistryAuthHeader.Encode(new OciRegistryCredential("ociuser", "oci-Secret-42", "127.0.0.1:5001")));
        }

        [Fact]
        public void An_identity_token_header_has_only_the_token_and_server()
        {
            // printf '%s' '{"identitytoken":"tok-en_42","serveraddress":"https://index.docker.io/v1/"}' | base64 -w0 | tr '+/' '-_'
            Assert.Equal("eyJpZGVudGl0eXRva2VuIjoidG9rLWVuXzQyIiwic2VydmVyYWRkcmVzcyI6Imh0dHBzOi8vaW5kZXguZG9ja2VyLmlvL3YxLyJ9",
                RegistryAuthHeader.Encode(OciRegistryCredential.FromIdentityToken("tok-en_42", "https://index.docker.io/v1/", "ignored-user")));
        }

        [Fact]
        public void Quotes_and_backslashes_are_escaped_json()
        {
            var header = RegistryAuthHeader.Encode(new OciRegistryCredential("u", "a\"b\\c"));
            var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/')));
            Assert.Equal("{\"username\":\"u\",\"password\":\"a\\\"b\\\\c\"}", json);
            Assert.Equal("a\"b\\c", RegistryAuthHeader.Decode(header).GetPassword());
        }

        [Fact]
        public void Decode_reads_back_what_Encode_wrote()
        {
            var c = RegistryAuthHeader.Decode(RegistryAuthHeader.Encode(new OciRegistryCredential("u", Secret, "r.example")));
            Assert.Equal(("u", Secret, "r.example"), (c.Username, c.GetPassword(), c.ServerAddress));
            var t = RegistryAuthHeader.Decode(RegistryAuthHeader.Encode(OciRegistryCredential.FromIdentityToken("tok", "r.example")));
            Assert.Equal(("tok", "r.example"), (t.GetIdentityToken(), t.ServerAddress));
            var e = Assert.Throws<OciException>(() => RegistryAuthHeader.Decode("not base64!"));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
        }

        [Theory]
        [InlineData("unix:///var/run/docker.sock", false, true)]
        [InlineData("npipe:////./pipe/docker_engine", false, true)]
        [InlineData("https://engine.example:2376", false, true)]
        [InlineData("tcp://engine.example:2376", true, true)]
        [InlineData("tcp://127.0.0.1:2375", false, true)]
        [InlineData("tcp://127.9.9.9:2375", false, true)]
        [InlineData("tcp://localhost:2375", false, true)]
        [InlineData("tcp://[::1]:2375", false, true)]
        [InlineData("http://127.0.0.1:2375", false, true)]
        [InlineData("tcp://engine.example:2375", false, false)]
        [InlineData("tcp://192.0.2.10:2375", false, false)]
        [InlineData("http://engine.example", false, false)]
        [InlineData("ssh://me@host", false, false)]
        public void Secure_transport_is_a_socket_tls_or_loopback(string endpoint, bool tls, bool secure) =>
            Assert.Equal(secure, RegistryAuthHeader.IsSecureTransport(OciEndpoint.Parse(endpoint), tls));

        [Fact]
        public void Sending_credentials_in_the_clear_needs_explicit_permission()
        {
            static IOciConnection At(string endpoint, bool encrypted) => new Support.MemoryDriver.MemoryConnection(OciEndpoint.Parse(endpoint), "memory", encrypted);
            var e = Assert.Throws<OciException>(() => RegistryAuthHeader.EnsureSecureTransport(At("tcp://engine.example:2375", false), allowUnencryptedAuthentication: false));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("-AllowUnencryptedAuthentication", e.Message);
            RegistryAuthHeader.EnsureSecureTransport(At("tcp://engine.example:2375", false), allowUnencryptedAuthentication: true);
            RegistryAuthHeader.EnsureSecureTransport(At("tcp://engine.example:2376", true), allowUnencryptedAuthentication: false);
            RegistryAuthHeader.EnsureSecureTransport(At("unix:///var/run/docker.sock", false), allowUnencryptedAuthentication: false);
        }

        private static void AssertSecretHidden(OciRegistryCredential c, string secret)
        {
            Assert.DoesNotContain(secret, c.ToString());
            Assert.DoesNotContain(secret, JsonSerializer.Serialize(c));
            Assert.DoesNotContain(secret, string.Format("{0}", c));
            Assert.DoesNotContain(secret, $"{c}");
            foreach (var p in typeof(OciRegistryCredential).GetProperties())
                Assert.DoesNotContain(secret, Convert.ToString(p.GetValue(c)) ?? string.Empty);
            // The request line of a pull carrying it redacts it by name too.
            var request = new OciRequest(OciMethods.Pull, OciKind.Image, "r.example/x", new System.Collections.Generic.Dictionary<string, object?> { ["credential"] = c, ["registryAuth"] = RegistryAuthHeader.Encode(c) });
            Assert.DoesNotContain(secret, request.ToString());
            Assert.DoesNotContain(RegistryAuthHeader.Encode(c), request.ToString());
        }
    }
}
