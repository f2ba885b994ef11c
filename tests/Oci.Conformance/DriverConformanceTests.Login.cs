using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Oci.Credentials;
using Xunit;

namespace Oci.Conformance
{
    public abstract partial class DriverConformanceTests
    {
        /// <summary>The user and password of the registry of <see cref="ConformanceImages.Private"/> (the test bed's by default).</summary>
        protected virtual string AuthUser => Environment.GetEnvironmentVariable("OCI_TEST_AUTH_USER") is { Length: > 0 } u ? u : "ociuser";

        protected virtual string AuthPassword => Environment.GetEnvironmentVariable("OCI_TEST_AUTH_PASSWORD") is { Length: > 0 } p ? p : "oci-Secret-42";

        /// <summary>
        /// The <c>configPath</c> LOGIN stores under in <paramref name="folder"/>: a docker config folder by default; a
        /// driver that keeps an auth file (Podman's) names the file.
        /// </summary>
        protected virtual string LoginConfigPath(string folder) => folder;

        /// <summary>False for an engine whose login check cannot reach a plain-HTTP registry (Podman's compatible /auth); LOGIN then fails RegistryUnavailable.</summary>
        protected virtual bool LogsInToPlainHttpRegistries => true;

        private OciRequest Login(string registry, string configPath, OciRegistryCredential credential) =>
            OciRequest.WithOptions(OciMethods.Login, OciKind.Registry, registry, new OciRegistryLoginOptions { Credential = credential, ConfigPath = configPath });

        [Fact]
        public async Task Login_with_a_wrong_password_is_Unauthorized_and_stores_nothing()
        {
            var folder = Directory.CreateTempSubdirectory("oci-conformance-login-").FullName;
            try
            {
                var registry = ImageReference.Parse(Images.Private).Domain;
                var kind = LogsInToPlainHttpRegistries ? OciErrorKind.Unauthorized : OciErrorKind.RegistryUnavailable;
                var wrong = "wrong-" + Guid.NewGuid().ToString("N");
                var e = await FailsAsync(kind, () => Client.ExecuteAsync(Login(registry, LoginConfigPath(folder), new OciRegistryCredential(AuthUser, wrong))), registry);
                Assert.DoesNotContain(wrong, e.ToString());
                Assert.Empty(Directory.GetFileSystemEntries(folder));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public async Task Login_stores_the_checked_credential_and_logout_erases_it()
        {
            var folder = Directory.CreateTempSubdirectory("oci-conformance-login-").FullName;
            try
            {
                var registry = ImageReference.Parse(Images.Private).Domain;
                var request = Login(registry, LoginConfigPath(folder), new OciRegistryCredential(AuthUser, AuthPassword));
                Assert.DoesNotContain(AuthPassword, request.ToString());
                if (!LogsInToPlainHttpRegistries)
                {
                    // The engine's check cannot reach the registry: a clear failure, and nothing stored.
                    await FailsAsync(OciErrorKind.RegistryUnavailable, () => Client.ExecuteAsync(request), registry);
                    Assert.Empty(Directory.GetFileSystemEntries(folder));
                    return;
                }
                var response = await Client.ExecuteAsync(request);
                Assert.Equal(("Login Succeeded", registry), (response.Status, response.Target));
                var login = Assert.IsType<OciRegistryLogin>(response.Data);
                Assert.Equal((registry, AuthUser), (login.ServerAddress, login.Username));
                Assert.DoesNotContain(AuthPassword, login.ToString());
                Assert.True(File.Exists(login.Store), $"the credential went to a file: '{login.Store}'");
                Assert.StartsWith(folder, login.Store);
                using (var doc = JsonDocument.Parse(File.ReadAllText(login.Store!)))
                {
                    var auth = doc.RootElement.GetProperty("auths").GetProperty(registry).GetProperty("auth").GetString()!;
                    Assert.Equal($"{AuthUser}:{AuthPassword}", Encoding.UTF8.GetString(Convert.FromBase64String(auth)));
                }

                var logout = await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Logout, OciKind.Registry, registry, new OciRegistryLogoutOptions { ConfigPath = LoginConfigPath(folder) }));
                Assert.Equal("Logged out", logout.Status);
                using (var doc = JsonDocument.Parse(File.ReadAllText(login.Store!)))
                    Assert.False(doc.RootElement.GetProperty("auths").TryGetProperty(registry, out _), "logout removed the entry");
                var again = await Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Logout, OciKind.Registry, registry, new OciRegistryLogoutOptions { ConfigPath = LoginConfigPath(folder) }));
                Assert.Equal("Not logged in", again.Status);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public async Task Login_needs_a_registry_and_refuses_a_malformed_one()
        {
            await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Login, OciKind.Registry, null,
                new OciRegistryLoginOptions { Credential = new OciRegistryCredential(AuthUser, AuthPassword) })));
            await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Logout, OciKind.Registry, "bad host\"", new OciRegistryLogoutOptions())));
        }
    }
}
