// Mirrored by tests/Pester/Module.Tests.ps1 (same cases, same assertions).
using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>The module as shipped: manifest, layout, dependency context, help, format views, Remove-Module.</summary>
    public sealed class ModuleTests
    {
        [Fact]
        public void Manifest_IsValid_AndExportsExactlyTheFiveCmdlets()
        {
            using var s = PsSession.Start(importModule: false);
            var r = s.Run("Test-ModuleManifest -Path $ModulePath -ErrorAction Stop").AssertSucceeded();
            var m = Assert.Single(r.Output);
            Assert.Equal("Oci", Ps.Str(m, "Name"));
            Assert.Equal("0.1.0", Ps.Str(m, "Version"));
            Assert.Equal("Oci.PowerShell.dll", Ps.Str(m, "RootModule"));
            Assert.Equal(TestEnvironment.Cmdlets, Keys(Ps.Get(m, "ExportedCmdlets")));
            Assert.Empty(Keys(Ps.Get(m, "ExportedFunctions")));
            Assert.Empty(Keys(Ps.Get(m, "ExportedAliases")));
            Assert.Empty(Keys(Ps.Get(m, "ExportedVariables")));
            Assert.Equal(new[] { "Core", "Desktop" }, Ps.Items(Ps.Get(m, "CompatiblePSEditions")).Select(x => x!.ToString()!).OrderBy(x => x));
            Assert.Equal("5.1", Ps.Str(m, "PowerShellVersion"));
            Assert.Equal(new[] { "Oci.format.ps1xml" }, Ps.Items(Ps.Get(m, "ExportedFormatFiles")).Select(f => Path.GetFileName(f!.ToString()!)));

            var psData = (IDictionary)((IDictionary)Ps.Get(m, "PrivateData")!)["PSData"]!;
            foreach (var key in new[] { "Tags", "LicenseUri", "ProjectUri", "ReleaseNotes" })
                Assert.True(psData.Contains(key) && !string.IsNullOrWhiteSpace(Convert.ToString(Ps.Base(psData[key]))), $"PrivateData.PSData.{key} is missing or empty.");
        }

        [Fact]
        public void ImportedModule_HasExactlyTheFiveCmdlets_AndIsABinaryModule()
        {
            using var s = PsSession.Start();
            var r = s.Run("Get-Command -Module Oci | ForEach-Object { '{0}:{1}' -f $_.Name, $_.CommandType }; (Get-Module Oci).ModuleType.ToString()").AssertSucceeded();
            var lines = r.Output.Select(o => o.ToString()).ToList();
            Assert.Equal(TestEnvironment.Cmdlets.Select(c => c + ":Cmdlet").Append("Binary"), lines.Take(5).OrderBy(x => x, StringComparer.Ordinal).Append(lines.Last()));
            Assert.Equal(6, lines.Count);
        }

        [Fact]
        public void Layout_KeepsDependenciesApart_AndLoadsThemInTheModulesOwnContext()
        {
            var root = TestEnvironment.ModuleFolder;
            _ = TestEnvironment.ModuleManifest;
            foreach (var f in new[] { "Oci.PowerShell.dll", "Oci.format.ps1xml", Path.Combine("en-US", "Oci.PowerShell.dll-Help.xml"),
                                      Path.Combine("Dependencies", "Oci.Core.dll"), Path.Combine("Dependencies", "Docker.DotNet.dll") })
                Assert.True(File.Exists(Path.Combine(root, f)), $"out/Oci/{f} is missing.");
            foreach (var f in new[] { "Oci.Core.dll", "Docker.DotNet.dll", "System.Text.Json.dll" })
                Assert.False(File.Exists(Path.Combine(root, f)), $"out/Oci/{f} sits next to the module, where PowerShell's own context would load it; it belongs in Dependencies/.");

            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run(@"
                $r = Invoke-OciRequest -Method PING -Connection $c
                $core = $r.GetType().Assembly
                [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name
                $core.Location
                $c.GetType().Assembly.Location").AssertSucceeded();
            Assert.Equal(3, r.Output.Count);
            Assert.NotEqual("Default", r.Output[0]?.ToString());
            Assert.Equal(Path.Combine(root, "Dependencies", "Oci.Core.dll"), r.Output[1]?.ToString());
            Assert.Equal(Path.Combine(root, "Oci.PowerShell.dll"), r.Output[2]?.ToString());
        }

        public static TheoryData<string> CmdletNames() => new(TestEnvironment.Cmdlets);

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_Full_HasSynopsisDescriptionEveryParameterAndTwoExamples(string cmdlet)
        {
            using var s = PsSession.Start();
            var r = s.Run(@"
                param($Name)
                $h = Get-Help $Name -Full
                $h.Synopsis.Trim()
                ($h.Description | ForEach-Object Text) -join ' '
                @($h.Examples.Example).Count
                $documented = @($h.Parameters.Parameter | Where-Object { ($_.Description | ForEach-Object Text) -join '' } | ForEach-Object Name)
                $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
                $actual = @((Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common })
                ($actual | Where-Object { $_ -notin $documented }) -join ','
                @($h.Examples.Example | Where-Object { -not $_.Code.Trim() }).Count
                $actual.Count
            ", new Hashtable { ["Name"] = cmdlet }).AssertSucceeded();
            Assert.Equal(6, r.Output.Count);
            var synopsis = r.Output[0].ToString();
            Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{cmdlet} has no synopsis.");
            Assert.DoesNotContain(cmdlet + " [", synopsis); // the auto-generated synopsis is the syntax line: the MAML help was not found
            Assert.False(string.IsNullOrWhiteSpace(r.Output[1].ToString()), $"{cmdlet} has no description.");
            Assert.True((int)r.Output[2].BaseObject >= 2, $"{cmdlet} has {r.Output[2]} example(s); at least 2 are required.");
            Assert.True(string.IsNullOrEmpty(r.Output[3].ToString()), $"{cmdlet}: parameter(s) without a documented description: {r.Output[3]}");
            Assert.Equal(0, (int)r.Output[4].BaseObject);
            Assert.True((int)r.Output[5].BaseObject >= 1);
        }

        public static TheoryData<string, string, string> NewParameters() => new()
        {
            { "Connect-OciEngine", "CertificatePath", "-CertificatePath" },
            { "Connect-OciEngine", "Endpoint", "Connect-OciEngine -Verbose" },
            { "Connect-OciEngine", "Driver", "Connect-OciEngine -Endpoint *podman*" },
            { "Invoke-OciPull", "Credential", "-Credential $cred" },
            { "Invoke-OciPull", "AllowUnencryptedAuthentication", "-AllowUnencryptedAuthentication" },
            { "Invoke-OciRequest", "Parameters", "@{ credential = Get-Credential }" },
        };

        [Theory]
        [MemberData(nameof(NewParameters))]
        public void Help_DocumentsDiscoveryTlsAndCredentialParameters_WithAnExample(string cmdlet, string parameter, string example)
        {
            using var s = PsSession.Start();
            var r = s.Run(@"
                param($Name, $Parameter, $Example)
                $h = Get-Help $Name -Full
                (($h.Parameters.Parameter | Where-Object Name -eq $Parameter).Description | ForEach-Object Text) -join ' '
                @($h.Examples.Example | Where-Object { $_.Code.Contains($Example) }).Count
            ", new Hashtable { ["Name"] = cmdlet, ["Parameter"] = parameter, ["Example"] = example }).AssertSucceeded();
            Assert.Equal(2, r.Output.Count);
            var description = r.Output[0].ToString();
            Assert.True(description.Length > 80, $"{cmdlet} -{parameter} is not documented: '{description}'");
            Assert.True((int)r.Output[1].BaseObject >= 1, $"{cmdlet} has no example with '{example}'.");
            if (parameter == "Endpoint")
                foreach (var place in new[] { "DOCKER_HOST", "DOCKER_CONTEXT", "currentContext", "rootless", "Podman", "-Verbose", "Tab" })
                    Assert.Contains(place, description);
        }

        [Fact]
        public void FormatView_OfImages_IsATableWithTheDesignedColumns()
        {
            using var s = PsSession.Start();
            s.Connect();
            s.Run("Invoke-OciPull $Small | Out-Null").AssertSucceeded();
            var r = s.Run("Invoke-OciRequest -Method LIST -Kind IMAGE | ForEach-Object Data | Out-Host").AssertSucceeded();
            var lines = NonEmptyLines(r.HostText);
            Assert.True(lines.Length >= 3, "No table was written:\n" + r.HostText);
            AssertTableHeader(lines, ImageColumns);
            Assert.Contains(lines, l => l.Contains("small") && Regex.IsMatch(l, "\\b[0-9a-f]{12}\\b"));
            Assert.DoesNotContain(lines, l => Regex.IsMatch(l, "^(Id|Digests|Tags)\\s*:")); // not a list dump
        }

        [Fact]
        public void FormatView_OfConnections_IsATableWithTheDesignedColumns()
        {
            using var s = PsSession.Start();
            var c = s.Connect(name: "fmt");
            var r = s.Run("Get-OciConnection | Out-Host").AssertSucceeded();
            var lines = NonEmptyLines(r.HostText);
            AssertTableHeader(lines, ConnectionColumns);
            var row = Assert.Single(lines, l => l.StartsWith("fmt ", StringComparison.Ordinal));
            Assert.Contains(TestEnvironment.DockerHost, row);
            Assert.Contains(" explicit ", row); // Source: where the endpoint came from
            Assert.Contains("True", row);
            Assert.Contains(" " + Ps.Str(c, "EngineVersion") + " ", row); // the whole version, not cut short
        }

        [Fact]
        public void FormatView_OfResponses_IsATableWithTheDesignedColumns()
        {
            using var s = PsSession.Start();
            s.Connect();
            var r = s.Run("Invoke-OciPull $Small | Out-Host").AssertSucceeded();
            var lines = NonEmptyLines(r.HostText);
            AssertTableHeader(lines, ResponseColumns);
            Assert.Contains(lines, l => l.Contains("PULL") && l.Contains("small"));
        }

        [Fact]
        public void RemoveModule_ClosesTheConnections()
        {
            using var s = PsSession.Start();
            var c = s.Connect(name: "held");
            Assert.Equal(true, Ps.Get(c, "Connected"));
            var r = s.Run(@"
                Remove-Module Oci -ErrorAction Stop
                $c.Connected
                Import-Module $ModulePath -ErrorAction Stop
                @(Get-OciConnection).Count").AssertSucceeded();
            Assert.Equal(new object[] { false, 0 }, r.Output.Select(o => o.BaseObject));
            var after = s.Run("Invoke-OciRequest -Method PING -Connection $c");
            Assert.Empty(after.Output);
            Assert.NotEmpty(after.AllErrors);
        }

        // The designed columns (Oci.format.ps1xml); "like docker images" for images.
        internal static readonly string[] ImageColumns = { "Repository", "Tag", "Image ID", "Created", "Size" };
        internal static readonly string[] ConnectionColumns = { "Name", "Driver", "Endpoint", "Engine", "Version", "API", "Source", "Connected" };
        internal static readonly string[] ResponseColumns = { "Method", "Kind", "Target", "Status", "Result", "Duration(ms)" };

        internal static string[] NonEmptyLines(string text) =>
            Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty).Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToArray();

        /// <summary>A table: a header line naming <paramref name="columns"/> in order, then a dashes line.</summary>
        internal static void AssertTableHeader(string[] lines, string[] columns)
        {
            var i = Array.FindIndex(lines, l => Regex.IsMatch(l, "^[- ]+$"));
            Assert.True(i >= 1, "No table header underline was written:\n" + string.Join("\n", lines));
            // Column labels sit above the runs of dashes (labels may contain spaces, e.g. "Image ID").
            var header = lines[i - 1];
            var labels = Regex.Matches(lines[i], "-+").Select(m =>
                m.Index >= header.Length ? string.Empty : header.Substring(m.Index, Math.Min(m.Length, header.Length - m.Index)).Trim()).ToArray();
            Assert.Equal(columns, labels);
        }

        private static string[] Keys(object? dictionary) =>
            ((IDictionary)dictionary!).Keys.Cast<object>().Select(k => k.ToString()!).OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }
}
