// Mirrored by tests/Pester/Tls.Tests.ps1 (same cases, same assertions).
using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>
    /// Connect-OciEngine to the test bed dockerd's TLS listener (--tlsverify, OCI_TEST_DOCKER_TLS_HOST) with
    /// -CertificatePath, with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, without certificates and with certificates it does
    /// not trust; and the clear errors of a -CertificatePath that cannot be used. Runs in the process-environment
    /// collection: the sandbox keeps DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and DOCKER_HOST under the test's control.
    /// </summary>
    [Collection(ProcessEnvironmentCollection.Name)]
    public sealed class TlsTests
    {
        [Fact]
        public void CertificatePath_ConnectsOverTls_AndAPullWorks()
        {
            using var box = new EnvironmentSandbox();
            using var s = PsSession.Start();
            var r = s.Run("param($p) $c = Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath $p -Verbose; $c; $c | Out-Host",
                new Hashtable { ["p"] = TestEnvironment.TlsCertPath }).AssertSucceeded();
            var c = Assert.Single(r.Output);
            Assert.Equal(true, Ps.Get(c, "Tls"));
            Assert.Equal("explicit", Ps.Str(c, "Source"));
            Assert.Equal("Docker", Ps.Str(c, "Engine"));
            Assert.Equal(true, Ps.Get(c, "Connected"));
            Assert.Contains(r.Verbose, v => v.Message.Contains("TLS (verify") && v.Message.Contains(TestEnvironment.TlsCertPath));
            Assert.Contains(ModuleTests.NonEmptyLines(r.HostText), l => l.StartsWith("oci1 ", StringComparison.Ordinal) && l.Contains("explicit +TLS"));

            var pull = s.Run("Invoke-OciPull $Small").AssertSucceeded();
            Assert.Equal(TestEnvironment.Small, Ps.Str(Assert.Single(pull.Output), "Target"));
        }

        [Fact]
        public void WithoutCertificates_TheTlsEndpoint_IsAClearError()
        {
            using var box = new EnvironmentSandbox();
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Endpoint $TlsEndpoint; @(Get-OciConnection).Count");
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine", ErrorCategory.ConnectionError, TestEnvironment.TlsHost);
            Assert.Contains(TestEnvironment.TlsHost, e.ToString());
            Assert.Contains("-CertificatePath", e.ErrorDetails.RecommendedAction);
            Assert.Equal(0, Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void CertificatesTheEngineDoesNotTrust_AreAClearError()
        {
            using var box = new EnvironmentSandbox();
            using var s = PsSession.Start();
            var r = s.Run("param($p) Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath $p; @(Get-OciConnection).Count",
                new Hashtable { ["p"] = TestEnvironment.TlsOtherCertPath });
            var e = Assert.Single(r.AllErrors);
            Assert.Matches(@"^Oci\.\w+,Oci\.PowerShell\.ConnectOciEngine$", e.FullyQualifiedErrorId);
            Assert.NotEqual("Oci.UnexpectedError,Oci.PowerShell.ConnectOciEngine", e.FullyQualifiedErrorId);
            Assert.Equal(TestEnvironment.TlsHost, e.TargetObject?.ToString());
            Assert.Contains(TestEnvironment.TlsHost, e.ToString());
            Assert.Contains("ca.pem", e.ErrorDetails.RecommendedAction);
            Assert.Contains(TestEnvironment.TlsOtherCertPath, e.ErrorDetails.RecommendedAction);
            Assert.Equal(0, Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void DockerTlsVerify_AndDockerCertPath_AreHonoured_ForAnExplicitEndpointAndForDockerHost()
        {
            using var box = new EnvironmentSandbox();
            box.Set("DOCKER_TLS_VERIFY", "1");
            box.Set("DOCKER_CERT_PATH", TestEnvironment.TlsCertPath);
            using var s = PsSession.Start();
            var c = Assert.Single(s.Run("Connect-OciEngine -Endpoint $TlsEndpoint").AssertSucceeded().Output);
            Assert.Equal(true, Ps.Get(c, "Tls"));
            Assert.Equal("explicit", Ps.Str(c, "Source"));
            Assert.Equal("OK", Assert.Single(s.Run("(Invoke-OciRequest -Method PING).Status").AssertSucceeded().Output).ToString());

            box.Set("DOCKER_HOST", TestEnvironment.TlsHost);
            var d = Assert.Single(s.Run("Connect-OciEngine").AssertSucceeded().Output);
            Assert.Equal(true, Ps.Get(d, "Tls"));
            Assert.Equal("DOCKER_HOST", Ps.Str(d, "Source"));
            Assert.Equal("Docker", Ps.Str(d, "Engine"));
        }

        [Fact]
        public void ACertificatePath_ThatCannotBeUsed_IsAnInvalidArgumentError_OnThePath()
        {
            using var box = new EnvironmentSandbox();
            var empty = box.Dir("empty-certs");
            using var s = PsSession.Start();
            s.Run("param($d) $ExecutionContext.SessionState.Path.SetLocation($d) | Out-Null", new Hashtable { ["d"] = box.Root }).AssertSucceeded();
            var cases = new (string Script, string Target, string Says)[]
            {
                ("Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath ./missing", "./missing", $"'{Path.Combine(box.Root, "missing")}' (-CertificatePath) does not exist"),
                ($"Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath '{empty}'", empty, "holds none of ca.pem, cert.pem and key.pem"),
                ($"Connect-OciEngine -CertificatePath '{empty}'", empty, "-CertificatePath applies to the endpoint given with -Endpoint"),
                ($"Connect-OciEngine -Endpoint $Endpoint -CertificatePath '{empty}'", empty, "applies to tcp:// and https:// endpoints only"),
            };
            foreach (var (script, target, says) in cases)
            {
                var r = s.Run(script);
                Assert.Empty(r.Output);
                var e = Assert.Single(r.AllErrors);
                Ps.AssertError(e, "Oci.InvalidArgument,Oci.PowerShell.ConnectOciEngine", ErrorCategory.InvalidArgument, target);
                Assert.Contains(says, e.ToString());
            }
            Assert.Equal(0, Assert.Single(s.Run("@(Get-OciConnection).Count").Output).BaseObject);
        }
    }
}
