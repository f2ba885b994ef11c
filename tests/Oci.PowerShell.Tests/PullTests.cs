// Mirrored by tests/Pester/Pull.Tests.ps1 (same cases, same assertions).
using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>Invoke-OciPull: binding, typed output, errors, -WhatIf.</summary>
    public sealed class PullTests
    {
        private static readonly Regex Sha256 = new("^sha256:[0-9a-f]{64}$");

        [Fact]
        public void Pull_AStringFromThePipeline_OutputsAResponseWithATypedImage()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("$Small | Invoke-OciPull").AssertSucceeded();
            var resp = Assert.Single(r.Output);
            Assert.Equal("Oci.OciResponse", Ps.TypeName(resp));
            Assert.Equal("PULL", Ps.Str(resp, "Method"));
            Assert.Equal("Image", Ps.Str(resp, "Kind"));
            Assert.Equal(TestEnvironment.Small, Ps.Str(resp, "Target"));
            Assert.Equal("Docker", Ps.Str(resp, "Engine"));
            Assert.Equal(TestEnvironment.DockerHost, Ps.Str(resp, "Endpoint"));
            Assert.False(string.IsNullOrWhiteSpace(Ps.Str(resp, "Status")));
            var image = Ps.Get(resp, "Data");
            Assert.Equal("Oci.OciImage", Ps.TypeName(image));
            Assert.Matches(Sha256, Ps.Str(image, "Id"));
            Assert.Matches(Sha256, Ps.Str(image, "Digest"));
            Assert.Equal(TestEnvironment.Small, Ps.Str(image, "Reference"));
            Assert.Contains(TestEnvironment.Small, Ps.Items(Ps.Get(image, "Tags")).Select(t => t?.ToString()));

            // The same image as the engine's own inspection says.
            var inspect = s.Run("(Invoke-OciRequest -Method INSPECT -Target $Small).Data.Id").AssertSucceeded();
            Assert.Equal(Ps.Str(image, "Id"), Assert.Single(inspect.Output).ToString());
        }

        [Fact]
        public void Pull_ObjectsWithAReferenceProperty_BindByPropertyName()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("[pscustomobject]@{ Reference = $Small }, [pscustomobject]@{ Reference = $Small10; Other = 1 } | Invoke-OciPull").AssertSucceeded();
            Assert.Equal(new[] { TestEnvironment.Small, TestEnvironment.Small10 }, r.Output.Select(o => Ps.Str(o, "Target")));
            Assert.All(r.Output, o => Assert.Equal("Oci.OciImage", Ps.TypeName(Ps.Get(o, "Data"))));
        }

        [Fact]
        public void Pull_ReferenceArray_ByParameterAndPosition_OneResponseEachInOrder()
        {
            using var s = PsSession.Start();
            s.Connect();
            var named = s.Run("Invoke-OciPull -Reference $Small10, $Small").AssertSucceeded();
            Assert.Equal(new[] { TestEnvironment.Small10, TestEnvironment.Small }, named.Output.Select(o => Ps.Str(o, "Target")));
            var positional = s.Run("Invoke-OciPull $Small").AssertSucceeded();
            Assert.Equal(TestEnvironment.Small, Ps.Str(Assert.Single(positional.Output), "Target"));
        }

        [Fact]
        public void Pull_WithPlatform()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("$v = (Invoke-OciRequest -Method VERSION).Data; $arch = $v.Architecture; Invoke-OciPull $Small -Platform \"linux/$arch\"; $arch").AssertSucceeded();
            Assert.Equal(2, r.Output.Count);
            Assert.Equal(r.Output[1].ToString(), Ps.Str(Ps.Get(r.Output[0], "Data"), "Architecture"));
            Assert.Equal("linux", Ps.Str(Ps.Get(r.Output[0], "Data"), "Os"));

            var bad = s.Run("Invoke-OciPull $Small -Platform 'not a platform!'");
            Assert.Empty(bad.Output);
            var e = Assert.Single(bad.AllErrors);
            Assert.Equal("Oci.InvalidArgument,Oci.PowerShell.InvokeOciPull", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Fact]
        public void Pull_WithAnExplicitConnection_WhenThereIsNoDefault()
        {
            using var s = PsSession.Start();
            s.Connect(name: "explicit", variable: "x");
            s.Connect(name: "default", variable: "d");
            var r = s.Run(@"
                Disconnect-OciEngine -Connection $d
                Invoke-OciPull $Small -Connection $x
                try { Invoke-OciPull $Small -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal(2, r.Output.Count);
            Assert.Equal(TestEnvironment.Small, Ps.Str(r.Output[0], "Target"));
            Assert.Equal("Oci.NoConnection,Oci.PowerShell.InvokeOciPull", r.Output[1].ToString());
        }

        [Fact]
        public void Pull_ABadReference_IsAnInvalidReferenceError_OnThatReference()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("Invoke-OciPull -Reference 'Not A Valid/Ref!!'");
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.InvalidReference,Oci.PowerShell.InvokeOciPull", ErrorCategory.InvalidArgument, "Not A Valid/Ref!!");
        }

        [Fact]
        public void Pull_AMissingImage_IsAnObjectNotFoundError_OnThatReference()
        {
            using var s = PsSession.Start();
            s.Connect();
            var missing = $"{TestEnvironment.Registry}/nosuch-image:latest";
            var r = s.Run("param($m) Invoke-OciPull -Reference $m", new Hashtable { ["m"] = missing });
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull", ErrorCategory.ObjectNotFound, missing);
            Assert.Contains("nosuch-image", e.ToString());
        }

        [Fact]
        public void Pull_FromAStoppedRegistry_IsAConnectionError_OnThatReference()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("Invoke-OciPull -Reference \"$StoppedRegistry/small:latest\"");
            Assert.Empty(r.Output);
            var e = Assert.Single(r.AllErrors);
            Ps.AssertError(e, "Oci.RegistryUnavailable,Oci.PowerShell.InvokeOciPull", ErrorCategory.ConnectionError, $"{TestEnvironment.StoppedRegistry}/small:latest");
        }

        [Fact]
        public void Pull_AnErrorOnOnePipedReference_IsNonTerminating_AndTheNextIsStillPulled()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run(@"
                $Small, ""$Registry/nosuch-image:latest"", ""$StoppedRegistry/small:latest"", $Small10 | Invoke-OciPull
                'after'");
            Assert.Null(r.Terminating);
            Assert.Equal(new[] { TestEnvironment.Small, TestEnvironment.Small10 }, r.Output.Take(2).Select(o => Ps.Str(o, "Target")));
            Assert.Equal("after", r.Output.Last().ToString());
            Assert.Equal(3, r.Output.Count);
            Assert.Equal(new[] { "Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull", "Oci.RegistryUnavailable,Oci.PowerShell.InvokeOciPull" },
                r.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Equal(new[] { $"{TestEnvironment.Registry}/nosuch-image:latest", $"{TestEnvironment.StoppedRegistry}/small:latest" }, r.Errors.Select(e => e.TargetObject?.ToString()));
        }

        [Fact]
        public void Pull_ErrorActionStop_MakesTheErrorTerminating()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run(@"
                try { ""$Registry/nosuch-image:latest"", $Small | Invoke-OciPull -ErrorAction Stop; 'not reached' }
                catch { 'caught ' + $_.FullyQualifiedErrorId }");
            Assert.Equal("caught Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull", Assert.Single(r.Output).ToString());
        }

        [Fact]
        public void Pull_WhatIf_PullsNothing()
        {
            var unique = TestRegistry.NewUniqueTag("small");
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("param($u) Invoke-OciPull -Reference $u -WhatIf", new Hashtable { ["u"] = unique }).AssertSucceeded();
            Assert.Empty(r.Output);
            Assert.Empty(r.Progress);
            Assert.Contains("What if:", r.HostText);
            Assert.Contains(unique, r.HostText);

            var inspect = s.Run("param($u) Invoke-OciRequest -Method INSPECT -Target $u", new Hashtable { ["u"] = unique });
            var e = Assert.Single(inspect.AllErrors);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal("Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest", e.FullyQualifiedErrorId);

            // The tag does exist in the registry: without -WhatIf it is pulled (then removed again).
            var pulled = s.Run("param($u) (Invoke-OciPull -Reference $u).Target; (Invoke-OciRequest -Method REMOVE -Target $u).Status", new Hashtable { ["u"] = unique }).AssertSucceeded();
            Assert.Equal(unique, pulled.Output[0].ToString());
            Assert.Contains(pulled.Output[1].ToString(), new[] { "Untagged", "Deleted" });
        }
    }
}
