// Mirrored by tests/Pester/Session.Tests.ps1 (same cases, same assertions).
using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>Connections live per runspace; a connection object handed over still works, also in parallel.</summary>
    public sealed class SessionTests
    {
        [Fact]
        public void TwoRunspaces_DoNotSeeOrCloseEachOthersConnections()
        {
            using var a = PsSession.Start();
            using var b = PsSession.Start();
            a.Connect(name: "iso-a");

            var fromB = b.Run("@(Get-OciConnection).Count; try { Invoke-OciRequest -Method PING -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal(new object[] { 0, "Oci.NoConnection,Oci.PowerShell.InvokeOciRequest" }, fromB.Output.Select(o => o.BaseObject));

            b.Connect(name: "iso-b");
            Assert.Equal("iso-a", Assert.Single(a.Run("Get-OciConnection | ForEach-Object Name").AssertSucceeded().Output).ToString());
            Assert.Equal("iso-b", Assert.Single(b.Run("Get-OciConnection | ForEach-Object Name").AssertSucceeded().Output).ToString());

            // Disconnect -All in one runspace leaves the other's connection open and its default in place.
            a.Run("Disconnect-OciEngine -All").AssertSucceeded();
            var after = b.Run("$c.Connected; (Invoke-OciRequest -Method PING).Status").AssertSucceeded();
            Assert.Equal(new object[] { true, "OK" }, after.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void AConnectionObjectHandedToAnotherRunspace_Works_ButIsNotAdopted()
        {
            using var a = PsSession.Start();
            using var b = PsSession.Start();
            var c = a.Connect(name: "handed");
            b.Runspace.SessionStateProxy.SetVariable("h", c);
            var r = b.Run("(Invoke-OciRequest -Method PING -Connection $h).Status; @(Get-OciConnection).Count").AssertSucceeded();
            Assert.Equal(new object[] { "OK", 0 }, r.Output.Select(o => o.BaseObject));
            // Closing b (its runspace and module state) does not close a's connection.
            b.Dispose();
            Assert.Equal(true, Assert.Single(a.Run("$c.Connected").Output).BaseObject);
        }

        [Fact]
        public void ForEachObjectParallel_SharesOneConnection_ForConcurrentPullsAndRequests()
        {
            using var s = PsSession.Start();
            s.Connect(name: "shared");
            var r = s.Run(@"
                1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
                    Import-Module $using:ModulePath
                    $conn = $using:c
                    if ($_ % 2) { 'pull ' + (Invoke-OciPull -Reference $using:Small -Connection $conn).Data.Id }
                    else { 'inspect ' + (Invoke-OciRequest -Method INSPECT -Target $using:Small -Connection $conn).Data.Id }
                    'seen ' + @(Get-OciConnection).Count
                }
                'connected ' + $c.Connected
                'id ' + (Invoke-OciRequest -Method INSPECT -Target $Small -Connection $c).Data.Id").AssertSucceeded();
            var lines = r.Output.Select(o => o.ToString()).ToList();
            var id = lines.Last().Substring(3);
            Assert.Matches("^sha256:[0-9a-f]{64}$", id);
            Assert.Equal(3, lines.Count(l => l == "pull " + id));
            Assert.Equal(3, lines.Count(l => l == "inspect " + id));
            Assert.Equal(6, lines.Count(l => l == "seen 0"));
            Assert.Equal("connected True", lines[^2]);
            Assert.Equal(14, lines.Count);
        }

        [Fact]
        public void TheDoneWhenScript_WorksInTheHostedEngine()
        {
            // The issue's "Done when" line, with the module imported through InitialSessionState.ImportPSModule.
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { TestEnvironment.ModuleManifest });
            using var ps = System.Management.Automation.PowerShell.Create(iss);
            ps.AddScript(@"
                param($Endpoint, $Small)
                Connect-OciEngine -Endpoint $Endpoint | Out-Null
                $Small | Invoke-OciPull
                Invoke-OciRequest -Method LIST -Kind IMAGE
                Get-OciConnection | Disconnect-OciEngine
                @(Get-OciConnection).Count").AddArgument(TestEnvironment.DockerHost).AddArgument(TestEnvironment.Small);
            var output = ps.Invoke();
            Assert.True(ps.Streams.Error.Count == 0, "Errors: " + string.Join("\n", ps.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            Assert.Equal(3, output.Count);
            Assert.Equal(new[] { "PULL", "LIST" }, output.Take(2).Select(o => Ps.Str(o, "Method")));
            Assert.All(output.Take(2), o => Assert.Equal("Oci.OciResponse", Ps.TypeName(o)));
            Assert.Equal("Oci.OciImage", Ps.TypeName(Ps.Get(output[0], "Data")));
            Assert.Equal(0, output[2].BaseObject);
            Assert.NotEmpty(ps.Streams.Progress);
        }
    }
}
