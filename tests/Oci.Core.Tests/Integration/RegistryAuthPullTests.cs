using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Oci.Credentials;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Integration
{
    /// <summary>PULL from the test bed's htpasswd registry through both engines: credentials really reach the registry.</summary>
    [Collection(ProcessEnvironmentCollection.Name)]
    public class RegistryAuthPullTests
    {
        public static TheoryData<string, string> Engines() => new()
        {
            { "docker", TestBed.DockerHost },
            { "podman", TestBed.PodmanHost },
        };

        private static async Task<OciClient> ConnectAsync(string driver, string endpoint)
        {
            var client = await OciClient.ConnectAsync(driver, endpoint);
            try
            {
                await client.ExecuteAsync(new OciRequest(OciMethods.Remove, OciKind.Image, TestBed.Private, new System.Collections.Generic.Dictionary<string, object?> { ["force"] = true }));
            }
            catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
            {
            }
            return client;
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task Without_credentials_the_pull_is_Unauthorized(string driver, string endpoint)
        {
            using var _ = new ProcessEnvironment(("DOCKER_CONFIG", EmptyConfigDirectory()), ("REGISTRY_AUTH_FILE", Path.Combine(Path.GetTempPath(), "oci-none-auth.json")));
            await using var client = await ConnectAsync(driver, endpoint);
            var e = await Assert.ThrowsAsync<OciException>(() => client.PullAsync(TestBed.Private));
            Assert.Equal((OciErrorKind.Unauthorized, TestBed.Private), (e.Kind, e.Target));
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task An_explicit_credential_pulls_and_a_wrong_one_is_Unauthorized(string driver, string endpoint)
        {
            using var _ = new ProcessEnvironment(("DOCKER_CONFIG", EmptyConfigDirectory()));
            await using var client = await ConnectAsync(driver, endpoint);
            var wrong = new OciRegistryCredential(TestBed.AuthUser, "not-the-password");
            var e = await Assert.ThrowsAsync<OciException>(() => client.PullAsync(TestBed.Private, new OciPullOptions { Credential = wrong }));
            Assert.Equal(OciErrorKind.Unauthorized, e.Kind);
            Assert.DoesNotContain("not-the-password", e.ToString());

            var right = new OciRegistryCredential(TestBed.AuthUser, TestBed.AuthPassword);
            var response = await client.PullAsync(TestBed.Private, new OciPullOptions { Credential = right });
            Assert.Matches("^sha256:[a-f0-9]{64}$", ((OciImage)response.Data!).Id);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public async Task Credentials_in_the_docker_config_are_used_when_none_is_given(string driver, string endpoint)
        {
            var config = EmptyConfigDirectory();
            var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestBed.AuthUser}:{TestBed.AuthPassword}"));
            File.WriteAllText(Path.Combine(config, "config.json"), $"{{\"auths\":{{\"{TestBed.AuthRegistry}\":{{\"auth\":\"{auth}\"}}}}}}");
            using var _ = new ProcessEnvironment(("DOCKER_CONFIG", config));
            await using var client = await ConnectAsync(driver, endpoint);
            var response = await client.PullAsync(TestBed.Private);
            Assert.Equal(TestBed.Private, response.Target);
        }

        [Fact]
        public async Task Credentials_never_cross_a_plain_text_remote_connection_unless_allowed()
        {
            var address = NonLoopbackAddress();
            await using var fake = new FakeEngine(address: address);
            await using var client = await OciClient.ConnectAsync("docker", fake.Endpoint);
            var credential = new OciRegistryCredential("someone", "s3cret-Passw0rd");
            var before = fake.RequestLines.Count;

            var refused = await Assert.ThrowsAsync<OciException>(() => client.PullAsync("127.0.0.1:5001/private:latest", new OciPullOptions { Credential = credential }));
            Assert.Equal((OciErrorKind.InvalidArgument, client.Connection.Endpoint?.ToString()), (refused.Kind, refused.Target));
            Assert.Contains("AllowUnencryptedAuthentication", refused.Message);
            Assert.Equal(before, fake.RequestLines.Count);

            // Allowed: the request goes out, carrying the credential (the fake engine then fails it).
            await Assert.ThrowsAsync<OciException>(() => client.PullAsync("127.0.0.1:5001/private:latest", new OciPullOptions { Credential = credential, AllowUnencryptedAuthentication = true }));
            Assert.Contains(fake.RequestLines, l => l.StartsWith("POST /v1.41/images/create?", StringComparison.Ordinal));
            var header = Assert.Single(fake.HeaderLines, h => h.StartsWith("X-Registry-Auth:", StringComparison.OrdinalIgnoreCase));
            var sent = RegistryAuthHeader.Decode(header.Substring(header.IndexOf(':') + 1).Trim());
            Assert.Equal(("someone", "s3cret-Passw0rd"), (sent.Username, sent.GetPassword()));
        }

        private static IPAddress NonLoopbackAddress() =>
            NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? throw new InvalidOperationException("This test needs a non-loopback IPv4 address on the machine; none is up.");

        private static string EmptyConfigDirectory()
        {
            var dir = Path.Combine(Path.GetTempPath(), "oci-docker-config-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
