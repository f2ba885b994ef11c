// Mirrored by tests/Pester/Request.Tests.ps1 (same cases, same assertions).
using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>Invoke-OciRequest: every standard method, -Kind, -Parameters, -Verbose, completion, errors.</summary>
    public sealed class RequestTests
    {
        [Fact]
        public void Ping_Version_Info_AnswerTypedData_ThatAgreesWithTheConnection()
        {
            using var s = PsSession.Start();
            var c = s.Connect();
            var r = s.Run(@"
                Invoke-OciRequest -Method PING
                Invoke-OciRequest VERSION
                Invoke-OciRequest -Method info -Kind ENGINE -Connection $c").AssertSucceeded();
            Assert.Equal(3, r.Output.Count);
            var (ping, version, info) = (r.Output[0], r.Output[1], r.Output[2]);
            Assert.All(r.Output, o => Assert.Equal("Oci.OciResponse", Ps.TypeName(o)));
            Assert.Equal(new[] { "PING", "VERSION", "INFO" }, r.Output.Select(o => Ps.Str(o, "Method")));
            Assert.All(r.Output, o => Assert.Equal("Engine", Ps.Str(o, "Kind")));
            Assert.Equal("OK", Ps.Str(ping, "Status"));
            Assert.Equal("Oci.OciPing", Ps.TypeName(Ps.Get(ping, "Data")));
            Assert.Equal(Ps.Str(c, "ApiVersion"), Ps.Str(Ps.Get(ping, "Data"), "ApiVersion"));
            Assert.Equal("Oci.OciEngineVersion", Ps.TypeName(Ps.Get(version, "Data")));
            Assert.Equal(Ps.Str(c, "EngineVersion"), Ps.Str(Ps.Get(version, "Data"), "Version"));
            Assert.Equal("Oci.OciEngineInfo", Ps.TypeName(Ps.Get(info, "Data")));
            Assert.Equal(Ps.Str(c, "EngineVersion"), Ps.Str(Ps.Get(info, "Data"), "ServerVersion"));
        }

        [Fact]
        public void List_KindImage_ReturnsTypedImages_AndFiltersByTarget()
        {
            using var s = PsSession.Start();
            s.Connect();
            s.Run("Invoke-OciPull $Small | Out-Null").AssertSucceeded();
            var r = s.Run(@"
                Invoke-OciRequest -Method LIST -Kind IMAGE
                Invoke-OciRequest LIST ""$Registry/small""
                Invoke-OciRequest -Method LIST -Parameters @{ all = $true }").AssertSucceeded();
            Assert.Equal(3, r.Output.Count);
            var all = Ps.Items(Ps.Get(r.Output[0], "Data"));
            Assert.All(all, i => Assert.Equal("Oci.OciImage", Ps.TypeName(i)));
            Assert.Contains(all, i => Ps.Items(Ps.Get(i, "Tags")).Contains(TestEnvironment.Small));
            var filtered = Ps.Items(Ps.Get(r.Output[1], "Data"));
            Assert.NotEmpty(filtered);
            Assert.True(filtered.Count <= all.Count);
            Assert.All(filtered, i => Assert.Contains(Ps.Items(Ps.Get(i, "Tags")), t => t!.ToString()!.StartsWith(TestEnvironment.Registry + "/small:", StringComparison.Ordinal)));
            Assert.True(Ps.Items(Ps.Get(r.Output[2], "Data")).Count >= all.Count);
        }

        [Fact]
        public void Inspect_Pull_Tag_Remove_RoundTrip_WithParameters()
        {
            using var s = PsSession.Start();
            s.Connect();
            var tag = $"{TestEnvironment.Registry}/small:t-{Guid.NewGuid():N}";
            var r = s.Run(@"
                param($Tag)
                $pulled = Invoke-OciRequest -Method PULL -Target $Small
                $inspected = Invoke-OciRequest INSPECT $Small
                $tagged = Invoke-OciRequest -Method TAG -Target $Small -Parameters @{ tag = $Tag }
                $listed = Invoke-OciRequest -Method LIST -Target $Tag
                $removed = Invoke-OciRequest -Method REMOVE -Target $Tag -Parameters @{ force = $false; noprune = $true }
                $pulled, $inspected, $tagged, $listed, $removed
                try { Invoke-OciRequest -Method INSPECT -Target $Tag -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            ", new Hashtable { ["Tag"] = tag }).AssertSucceeded();
            Assert.Equal(6, r.Output.Count);
            var (pulled, inspected, tagged, listed, removed) = (r.Output[0], r.Output[1], r.Output[2], r.Output[3], r.Output[4]);
            var id = Ps.Str(Ps.Get(pulled, "Data"), "Id");
            Assert.Equal("Oci.OciImage", Ps.TypeName(Ps.Get(pulled, "Data")));
            Assert.Equal(id, Ps.Str(Ps.Get(inspected, "Data"), "Id"));
            Assert.Equal("Tagged", Ps.Str(tagged, "Status"));
            Assert.Equal(tag, Ps.Str(tagged, "Target"));
            Assert.Equal(id, Ps.Str(Ps.Get(tagged, "Data"), "Id"));
            Assert.Equal(id, Ps.Str(Assert.Single(Ps.Items(Ps.Get(listed, "Data"))), "Id"));
            Assert.Equal("Untagged", Ps.Str(removed, "Status"));
            Assert.Equal("Oci.OciImageRemoval", Ps.TypeName(Ps.Get(removed, "Data")));
            Assert.Equal(new object?[] { tag }, Ps.Items(Ps.Get(Ps.Get(removed, "Data"), "Untagged")));
            Assert.Equal("Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest", r.Output[5].ToString());
        }

        [Fact]
        public void Inspect_AMissingImage_IsAnObjectNotFoundError_OnThatReference()
        {
            using var s = PsSession.Start();
            s.Connect();
            var missing = $"{TestEnvironment.Registry}/nosuch-image:latest";
            var r = s.Run("param($m) Invoke-OciRequest -Method INSPECT -Target $m", new Hashtable { ["m"] = missing });
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest", ErrorCategory.ObjectNotFound, missing);
        }

        [Fact]
        public void AnUnsupportedMethod_IsANotImplementedError()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("Invoke-OciRequest -Method FROB -Target $Small");
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.Unsupported,Oci.PowerShell.InvokeOciRequest", ErrorCategory.NotImplemented, TestEnvironment.Small);
            Assert.Contains("FROB", e.ToString());
        }

        [Fact]
        public void AMalformedMethodName_IsAnInvalidArgumentError()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("Invoke-OciRequest -Method 'NOT VALID'");
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Assert.Equal("Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Fact]
        public void BadParameters_AreInvalidArgumentErrors_NamingTheParameter()
        {
            using var s = PsSession.Start();
            s.Connect();
            var unknown = s.Run("Invoke-OciRequest -Method LIST -Parameters @{ bogus = 1 }");
            var badValue = s.Run("Invoke-OciRequest -Method LIST -Parameters @{ all = 'notabool' }");
            var badKind = s.Run("Invoke-OciRequest -Method LIST -Kind NOSUCHKIND");
            foreach (var (r, word) in new[] { (unknown, "bogus"), (badValue, "all") })
            {
                Assert.Empty(r.Output);
                var e = Assert.Single(r.AllErrors);
                Assert.Equal("Oci.InvalidArgument,Oci.PowerShell.InvokeOciRequest", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Contains(word, e.ToString());
            }
            Assert.Empty(badKind.Output);
            var k = Assert.Single(badKind.AllErrors);
            Assert.Equal("CannotConvertArgumentNoMessage,Oci.PowerShell.InvokeOciRequest", k.FullyQualifiedErrorId);
        }

        [Fact]
        public void Verbose_ShowsTheRequestLine_ButNeverASecret()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("Invoke-OciRequest -Method LIST -Kind IMAGE -Parameters @{ all = $true } -Verbose").AssertSucceeded();
            Assert.Contains(r.Verbose, v => v.Message.Contains("LIST IMAGE all=True"));
            var quiet = s.Run("Invoke-OciRequest -Method LIST -Kind IMAGE").AssertSucceeded();
            Assert.Empty(quiet.Verbose);

            var secret = s.Run("Invoke-OciRequest -Method LIST -Parameters @{ password = 'hunter2-Secret' } -Verbose");
            Assert.Contains(secret.Verbose, v => v.Message.Contains("LIST IMAGE password=***"));
            Assert.DoesNotContain(secret.Verbose, v => v.Message.Contains("hunter2"));
            Assert.DoesNotContain(secret.AllErrors, e => e.ToString().Contains("hunter2"));
        }

        [Fact]
        public void Method_CompletesFromTheConnectionsDriver()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run(@"
                $line = 'Invoke-OciRequest -Method P'
                (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText
            ").AssertSucceeded();
            var matches = r.Output.Select(o => o.ToString()).ToList();
            Assert.Contains("PING", matches);
            Assert.Contains("PULL", matches);
            Assert.DoesNotContain("LIST", matches);
        }
    }
}
