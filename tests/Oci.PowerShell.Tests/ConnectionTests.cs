// Mirrored by tests/Pester/Connection.Tests.ps1 (same cases, same assertions).
using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>Connect-OciEngine, Get-OciConnection, Disconnect-OciEngine and the session default.</summary>
    public sealed class ConnectionTests
    {
        [Fact]
        public void Connect_OutputsATypedConnection_NamedOci1_InAFreshRunspace()
        {
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Endpoint $Endpoint; Connect-OciEngine -Endpoint $Endpoint").AssertSucceeded();
            Assert.Equal(2, r.Output.Count);
            var c = r.Output[0];
            Assert.Equal("Oci.PowerShell.OciConnection", Ps.TypeName(c));
            Assert.Equal("Oci.PowerShell.OciConnection", c.TypeNames[0]);
            Assert.Equal("oci1", Ps.Str(c, "Name"));
            Assert.Equal("oci2", Ps.Str(r.Output[1], "Name"));
            Assert.Equal("docker", Ps.Str(c, "Driver"));
            Assert.Equal(TestEnvironment.DockerHost, Ps.Str(c, "Endpoint"));
            Assert.Equal("Docker", Ps.Str(c, "Engine"));
            Assert.Matches(new Regex(@"^\d+\.\d+"), Ps.Str(c, "EngineVersion"));
            Assert.Matches(new Regex(@"^1\.\d+$"), Ps.Str(c, "ApiVersion"));
            Assert.Equal(true, Ps.Get(c, "Connected"));
        }

        [Fact]
        public void Connect_PositionalEndpoint_DriverAndName()
        {
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine $Endpoint -Driver docker -Name 'pos'").AssertSucceeded();
            var c = Assert.Single(r.Output);
            Assert.Equal("pos", Ps.Str(c, "Name"));
            Assert.Equal("docker", Ps.Str(c, "Driver"));
            Assert.Equal(TestEnvironment.DockerHost, Ps.Str(c, "Endpoint"));
        }

        [Fact]
        public void Connect_ANameInUse_OrAWildcardName_IsAnError_AndKeepsTheSession()
        {
            using var s = PsSession.Start();
            s.Connect(name: "dup");
            var taken = s.Run("Connect-OciEngine -Endpoint $Endpoint -Name dup");
            Assert.Empty(taken.Output);
            var e = Assert.Single(taken.AllErrors);
            Ps.AssertError(e, "Oci.ConnectionNameInUse,Oci.PowerShell.ConnectOciEngine", ErrorCategory.ResourceExists, "dup");

            var wildcard = s.Run("Connect-OciEngine -Endpoint $Endpoint -Name 'bad*'");
            Assert.Empty(wildcard.Output);
            var w = Assert.Single(wildcard.AllErrors);
            Assert.Equal("Oci.InvalidArgument,Oci.PowerShell.ConnectOciEngine", w.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, w.CategoryInfo.Category);

            var left = s.Run("(Get-OciConnection | ForEach-Object Name) -join ','; $c.Connected").AssertSucceeded();
            Assert.Equal(new object[] { "dup", true }, left.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Connect_TheNewConnectionBecomesTheDefault_AndDisconnectingTheDefaultClearsIt()
        {
            using var s = PsSession.Start();
            s.Connect(name: "first", variable: "a");
            s.Connect(name: "second", variable: "b");
            // Taking away the older one leaves the default in place: the default is the newer one.
            var r = s.Run("Disconnect-OciEngine -Name first; (Invoke-OciRequest -Method PING).Method").AssertSucceeded();
            Assert.Equal("PING", Assert.Single(r.Output).ToString());
            // Taking away the default leaves no default, even though another connection could be made.
            s.Connect(name: "third", variable: "t");
            s.Run("Disconnect-OciEngine -Name third").AssertSucceeded();
            var none = s.Run("Invoke-OciRequest -Method PING");
            Assert.Empty(none.Output);
            var e = Assert.Single(none.AllErrors);
            Assert.Equal("Oci.NoConnection,Oci.PowerShell.InvokeOciRequest", e.FullyQualifiedErrorId);
            // ...while the remaining one still works when named explicitly.
            var explicitly = s.Run("(Invoke-OciRequest -Method PING -Connection $b).Status").AssertSucceeded();
            Assert.Equal("OK", Assert.Single(explicitly.Output).ToString());
        }

        [Fact]
        public void GetOciConnection_AllByNameAndByWildcard()
        {
            using var s = PsSession.Start();
            s.Connect(name: "web-1");
            s.Connect(name: "web-2");
            s.Connect(name: "db");
            var r = s.Run(@"
                (Get-OciConnection | ForEach-Object Name) -join ','
                (Get-OciConnection web* | ForEach-Object Name) -join ','
                (Get-OciConnection -Name db | ForEach-Object Name) -join ','
                (Get-OciConnection -Name 'db','web-2' | ForEach-Object Name) -join ','
                @(Get-OciConnection 'nomatch*').Count
                @(Get-OciConnection | Where-Object { $_ -is [Oci.PowerShell.OciConnection] }).Count
            ").AssertSucceeded();
            var o = r.Output.Select(x => x.ToString()).ToArray();
            Assert.Equal(new[] { "db", "web-1", "web-2" }, o[0].Split(',').OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(new[] { "web-1", "web-2" }, o[1].Split(',').OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal("db", o[2]);
            Assert.Equal(new[] { "db", "web-2" }, o[3].Split(',').OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal("0", o[4]);
            Assert.Equal("3", o[5]);
        }

        [Fact]
        public void GetOciConnection_AnUnknownLiteralName_IsANonTerminatingNotFoundError_NamesBindFromThePipeline()
        {
            using var s = PsSession.Start();
            s.Connect(name: "db");
            var r = s.Run("Get-OciConnection -Name nosuch, db | ForEach-Object Name; 'db' | Get-OciConnection | ForEach-Object Name; [pscustomobject]@{ Name = 'db' } | Get-OciConnection | ForEach-Object Name");
            Assert.Null(r.Terminating);
            Assert.Equal(new[] { "db", "db", "db" }, r.Output.Select(o => o.ToString()));
            var e = Assert.Single(r.Errors);
            Ps.AssertError(e, "Oci.ConnectionNotFound,Oci.PowerShell.GetOciConnection", ErrorCategory.ObjectNotFound, "nosuch");
        }

        [Fact]
        public void Disconnect_WithoutArguments_ClosesTheDefault_AndNameTakesWildcards()
        {
            using var s = PsSession.Start();
            s.Connect(name: "web-1");
            s.Connect(name: "web-2");
            s.Connect(name: "db", variable: "db");
            var r = s.Run(@"
                Disconnect-OciEngine
                $db.Connected
                (Get-OciConnection | ForEach-Object Name) -join ','
                Disconnect-OciEngine -Name web*
                @(Get-OciConnection).Count
                Disconnect-OciEngine").AssertSucceeded();
            Assert.Equal(false, r.Output[0].BaseObject);
            Assert.Equal(new[] { "web-1", "web-2" }, r.Output[1].ToString().Split(',').OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(0, r.Output[2].BaseObject);
            Assert.Equal(3, r.Output.Count);
        }

        [Fact]
        public void GetOciConnection_PipedIntoDisconnect_ClosesAll()
        {
            using var s = PsSession.Start();
            s.Connect(name: "p1", variable: "p1");
            s.Connect(name: "p2", variable: "p2");
            var r = s.Run(@"
                Get-OciConnection | Disconnect-OciEngine
                @(Get-OciConnection).Count
                $p1.Connected
                $p2.Connected").AssertSucceeded();
            Assert.Equal(new object[] { 0, false, false }, r.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Disconnect_ByNameFromThePipelineByPropertyName()
        {
            using var s = PsSession.Start();
            s.Connect(name: "keep", variable: "k");
            s.Connect(name: "drop", variable: "d");
            var r = s.Run(@"
                [pscustomobject]@{ Name = 'drop' } | Disconnect-OciEngine
                (Get-OciConnection | ForEach-Object Name) -join ','
                $d.Connected
                $k.Connected").AssertSucceeded();
            Assert.Equal(new object[] { "keep", false, true }, r.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Disconnect_ByConnection_All_PassThru_AndIdempotent()
        {
            using var s = PsSession.Start();
            s.Connect(name: "one", variable: "one");
            s.Connect(name: "two", variable: "two");
            s.Connect(name: "three", variable: "three");
            var r = s.Run(@"
                $out = Disconnect-OciEngine -Connection $one -PassThru
                $out.Name
                $out.Connected
                @(Disconnect-OciEngine -Connection $one).Count
                Disconnect-OciEngine -Connection $one
                (Get-OciConnection | ForEach-Object Name) -join ','
                Disconnect-OciEngine -All
                @(Get-OciConnection).Count
                $two.Connected
                $three.Connected
                Disconnect-OciEngine -All").AssertSucceeded();
            Assert.Equal(new object[] { "one", false, 0 }, r.Output.Take(3).Select(o => o.BaseObject));
            Assert.Equal(new[] { "three", "two" }, r.Output[3].ToString().Split(',').OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(new object[] { 0, false, false }, r.Output.Skip(4).Select(o => o.BaseObject));
        }

        [Fact]
        public void Connect_ToADeadEndpoint_IsAConnectionError_OnThatEndpoint()
        {
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Endpoint $DeadEndpoint -Name dead; @(Get-OciConnection).Count");
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine", ErrorCategory.ConnectionError, TestEnvironment.DeadEndpoint);
            Assert.Contains(TestEnvironment.DeadEndpoint, e.ToString());
            // Nothing half-made was kept, and no default was set.
            Assert.Equal(0, Assert.Single(r.Output).BaseObject);
            Assert.Equal("Oci.NoConnection,Oci.PowerShell.InvokeOciRequest",
                Assert.Single(s.Run("Invoke-OciRequest -Method PING").AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Connect_WithAnUnknownDriver_IsAnErrorOnTheDriverName()
        {
            using var s = PsSession.Start();
            var r = s.Run("Connect-OciEngine -Endpoint $Endpoint -Driver nosuchdriver");
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Assert.StartsWith("Oci.", e.FullyQualifiedErrorId);
            Assert.EndsWith(",Oci.PowerShell.ConnectOciEngine", e.FullyQualifiedErrorId);
            Assert.Contains("nosuchdriver", e.ToString());
            Assert.Contains("docker", e.ToString()); // names the registered drivers
        }

        [Fact]
        public void NoConnection_IsAClearErrorTellingToRunConnectOciEngine()
        {
            using var s = PsSession.Start();
            var pull = s.Run("Invoke-OciPull -Reference $Small");
            var request = s.Run("Invoke-OciRequest -Method PING");
            foreach (var (r, cmdlet) in new[] { (pull, "InvokeOciPull"), (request, "InvokeOciRequest") })
            {
                Assert.Empty(r.Output);
                var e = Assert.Single(r.AllErrors);
                Assert.Equal($"Oci.NoConnection,Oci.PowerShell.{cmdlet}", e.FullyQualifiedErrorId);
                Assert.Contains("Connect-OciEngine", e.ToString());
            }
        }

        [Fact]
        public void AClosedConnection_FailsClearly_WhenUsed()
        {
            using var s = PsSession.Start();
            s.Connect(name: "closed");
            var r = s.Run("Disconnect-OciEngine -Connection $c; Invoke-OciRequest -Method PING -Connection $c");
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Assert.Equal("Oci.ConnectionClosed,Oci.PowerShell.InvokeOciRequest", e.FullyQualifiedErrorId);
        }
    }
}
