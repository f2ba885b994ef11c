// Mirrored by tests/Pester/Credentials.Tests.ps1 (same cases, same assertions).
using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>
    /// Private-registry pulls on Docker and Podman through every credential source: -Credential, config.json auths,
    /// a docker-credential-* helper (credsStore, credHelpers), Podman's auth.json, and a PSCredential in
    /// Invoke-OciRequest -Parameters; none or a wrong password is Unauthorized; the password never shows. The
    /// registry is the test bed's htpasswd one; each test pulls a tag of its own and removes it again. The process
    /// environment is a sandbox (empty HOME, DOCKER_CONFIG, XDG_RUNTIME_DIR, REGISTRY_AUTH_FILE): no machine
    /// credential takes part.
    /// </summary>
    [Collection(ProcessEnvironmentCollection.Name)]
    public sealed class CredentialTests
    {
        private const string WrongPassword = "not-the-Password-17";

        public static TheoryData<string> Engines => new() { "docker", "podman" };

        [Theory]
        [MemberData(nameof(Engines))]
        public void WithoutCredentials_ThePullIsUnauthorized_OnThatReference(string engine)
        {
            using var box = new EnvironmentSandbox();
            using var s = Connect(engine);
            var unique = TestRegistry.NewPrivateTag();
            var r = s.Run("param($u) Invoke-OciPull $u -Verbose", new Hashtable { ["u"] = unique });
            AssertUnauthorized(r, unique, "InvokeOciPull");
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void WithCredential_ThePullSucceeds_AndThePasswordShowsNowhere(string engine)
        {
            using var box = new EnvironmentSandbox();
            using var s = Connect(engine);
            var unique = TestRegistry.NewPrivateTag();
            try
            {
                var r = s.Run("param($u) $r = Invoke-OciPull $u -Credential (New-TestCredential) -Verbose -Debug; $r; $r | Out-Host", new Hashtable { ["u"] = unique });
                AssertPulled(r, unique, engine);
                Assert.Contains(r.Verbose, v => v.Message.Contains($"with the registry credential of user '{TestEnvironment.AuthUser}'"));
                AssertNoSecret(r);
            }
            finally
            {
                Remove(s, unique);
            }
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void AWrongPassword_IsUnauthorized_AndNoPasswordShows(string engine)
        {
            using var box = new EnvironmentSandbox();
            using var s = Connect(engine);
            var unique = TestRegistry.NewPrivateTag();
            var r = s.Run("param($u, $p) Invoke-OciPull $u -Credential (New-TestCredential -Password $p) -Verbose -Debug",
                new Hashtable { ["u"] = unique, ["p"] = WrongPassword });
            AssertUnauthorized(r, unique, "InvokeOciPull");
            AssertNoSecret(r);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void ConfigJsonAuths_InDockerConfig_Pull(string engine)
        {
            using var box = new EnvironmentSandbox();
            box.WriteConfig("{\"auths\":{\"" + TestEnvironment.AuthRegistry + "\":" + EnvironmentSandbox.AuthEntry(TestEnvironment.AuthUser, TestEnvironment.AuthPassword) + "}}");
            AssertPullsWithoutCredentialParameter(engine);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void ACredsStoreHelper_OnPath_Pulls(string engine)
        {
            using var box = new EnvironmentSandbox();
            var helper = box.Helper("ocitest", TestEnvironment.AuthRegistry, TestEnvironment.AuthUser, TestEnvironment.AuthPassword);
            box.WriteConfig("{\"credsStore\":\"ocitest\"}");
            AssertPullsWithoutCredentialParameter(engine);
            Assert.Contains(TestEnvironment.AuthRegistry, EnvironmentSandbox.HelperCalls(helper).Select(c => c.Replace("https://", string.Empty).Replace("http://", string.Empty)));
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void ACredHelpersEntry_OnPath_Pulls(string engine)
        {
            using var box = new EnvironmentSandbox();
            var helper = box.Helper("ocitest", TestEnvironment.AuthRegistry, TestEnvironment.AuthUser, TestEnvironment.AuthPassword);
            box.WriteConfig("{\"credHelpers\":{\"" + TestEnvironment.AuthRegistry + "\":\"ocitest\"}}");
            AssertPullsWithoutCredentialParameter(engine);
            Assert.Contains(TestEnvironment.AuthRegistry, EnvironmentSandbox.HelperCalls(helper).Select(c => c.Replace("https://", string.Empty).Replace("http://", string.Empty)));
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void PodmansAuthJson_Pulls(string engine)
        {
            using var box = new EnvironmentSandbox();
            box.Write("auth.json", "{\"auths\":{\"" + TestEnvironment.AuthRegistry + "\":" + EnvironmentSandbox.AuthEntry(TestEnvironment.AuthUser, TestEnvironment.AuthPassword) + "}}");
            AssertPullsWithoutCredentialParameter(engine);
        }

        [Theory]
        [MemberData(nameof(Engines))]
        public void InvokeOciRequest_PullWithAPSCredentialParameter_Pulls(string engine)
        {
            using var box = new EnvironmentSandbox();
            using var s = Connect(engine);
            var unique = TestRegistry.NewPrivateTag();
            try
            {
                var r = s.Run("param($u) Invoke-OciRequest -Method PULL -Target $u -Parameters @{ credential = New-TestCredential } -Verbose -Debug",
                    new Hashtable { ["u"] = unique });
                AssertPulled(r, unique, engine);
                Assert.Contains(r.Verbose, v => v.Message.Contains($"PULL IMAGE {unique} credential=***"));
                AssertNoSecret(r);
            }
            finally
            {
                Remove(s, unique);
            }
            var wrong = s.Run("param($u, $p) Invoke-OciRequest -Method PULL -Target $u -Parameters @{ credential = New-TestCredential -Password $p } -Verbose",
                new Hashtable { ["u"] = unique, ["p"] = WrongPassword });
            AssertUnauthorized(wrong, unique, "InvokeOciRequest");
            AssertNoSecret(wrong);
        }

        [Fact]
        public void APlainTextRemoteEngine_GetsNoCredentials_WithoutAllowUnencryptedAuthentication()
        {
            using var box = new EnvironmentSandbox();
            using var fake = new FakeEngine(FakeEngine.NonLoopbackAddress());
            using var s = PsSession.Start();
            var reference = $"{TestEnvironment.AuthRegistry}/private:latest";
            s.Run("param($e) $c = Connect-OciEngine -Endpoint $e", new Hashtable { ["e"] = fake.Endpoint }).AssertSucceeded();
            var r = s.Run("param($u) Invoke-OciPull $u -Credential (New-TestCredential) -Verbose", new Hashtable { ["u"] = reference });
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Assert.Equal("Oci.InvalidArgument,Oci.PowerShell.InvokeOciPull", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("-AllowUnencryptedAuthentication", e.ToString());
            Assert.Contains(fake.Endpoint, e.ToString());
            Assert.DoesNotContain(fake.Requests, q => q.Line.Contains("/images/create", StringComparison.Ordinal));
            AssertNoSecret(r);
        }

        [Fact]
        public void APlainTextRemoteEngine_GetsTheCredential_WithAllowUnencryptedAuthentication()
        {
            using var box = new EnvironmentSandbox();
            using var fake = new FakeEngine(FakeEngine.NonLoopbackAddress());
            using var s = PsSession.Start();
            var reference = $"{TestEnvironment.AuthRegistry}/private:latest";
            s.Run("param($e) $c = Connect-OciEngine -Endpoint $e", new Hashtable { ["e"] = fake.Endpoint }).AssertSucceeded();
            var r = s.Run("param($u) Invoke-OciPull $u -Credential (New-TestCredential) -AllowUnencryptedAuthentication -Verbose", new Hashtable { ["u"] = reference });
            var create = Assert.Single(fake.Requests, q => q.Line.StartsWith("POST ", StringComparison.Ordinal) && q.Line.Contains("/images/create", StringComparison.Ordinal));
            var header = create.Header("X-Registry-Auth");
            Assert.False(string.IsNullOrEmpty(header), "The pull reached the engine without X-Registry-Auth: " + create.Line);
            using var auth = JsonDocument.Parse(Base64Url(header!));
            Assert.Equal(TestEnvironment.AuthUser, auth.RootElement.GetProperty("username").GetString());
            Assert.Equal(TestEnvironment.AuthPassword, auth.RootElement.GetProperty("password").GetString());
            // The fake answers HTTP 500 to the pull itself: an engine error, not the refusal.
            var e = Assert.Single(r.AllErrors);
            Assert.NotEqual("Oci.InvalidArgument,Oci.PowerShell.InvokeOciPull", e.FullyQualifiedErrorId);
            AssertNoSecret(r);
        }

        private static PsSession Connect(string engine)
        {
            var s = PsSession.Start();
            var r = s.Run("param($e) $c = Connect-OciEngine -Endpoint $e; $c", new Hashtable { ["e"] = TestEnvironment.EngineHost(engine) });
            if (!r.Succeeded || r.Output.Count != 1)
            {
                s.Dispose();
                throw new Xunit.Sdk.XunitException($"Cannot connect to the {engine} test engine at {TestEnvironment.EngineHost(engine)}; start the test bed.\n{r.Describe()}");
            }
            Assert.Equal(engine, Ps.Str(r.Output[0], "Driver"));
            return s;
        }

        /// <summary>Pulls a new private tag with no -Credential (the driver resolves it from the sandbox), then removes it.</summary>
        private static void AssertPullsWithoutCredentialParameter(string engine)
        {
            using var s = Connect(engine);
            var unique = TestRegistry.NewPrivateTag();
            try
            {
                var r = s.Run("param($u) Invoke-OciPull $u -Verbose -Debug", new Hashtable { ["u"] = unique });
                AssertPulled(r, unique, engine);
                AssertNoSecret(r);
            }
            finally
            {
                Remove(s, unique);
            }
        }

        private static void AssertPulled(PsResult r, string reference, string engine)
        {
            r.AssertSucceeded();
            var response = Assert.Single(r.Output, o => Ps.TypeName(o) == "Oci.OciResponse");
            Assert.Equal("PULL", Ps.Str(response, "Method"));
            Assert.Equal(reference, Ps.Str(response, "Target"));
            Assert.Equal(engine, Ps.Str(response, "Engine")!.ToLowerInvariant());
            Assert.Matches("^sha256:[0-9a-f]{64}$", Ps.Str(Ps.Get(response, "Data"), "Digest"));
        }

        private static void AssertUnauthorized(PsResult r, string reference, string cmdlet)
        {
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Assert.True($"Oci.Unauthorized,Oci.PowerShell.{cmdlet}" == e.FullyQualifiedErrorId, r.Describe());
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
            Assert.Equal(reference, e.TargetObject?.ToString());
        }

        /// <summary>Neither the real nor the wrong password appears in any stream, error or rendering.</summary>
        private static void AssertNoSecret(PsResult r)
        {
            var text = r.AllText();
            Assert.DoesNotContain(TestEnvironment.AuthPassword, text);
            Assert.DoesNotContain(WrongPassword, text);
        }

        private static void Remove(PsSession s, string reference) =>
            s.Run("param($u) Invoke-OciRequest -Method REMOVE -Target $u -ErrorAction SilentlyContinue | Out-Null", new Hashtable { ["u"] = reference });

        private static string Base64Url(string value)
        {
            var s = value.Trim().Replace('-', '+').Replace('_', '/');
            s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
    }
}
