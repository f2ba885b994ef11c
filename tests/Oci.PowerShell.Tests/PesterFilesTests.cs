// Checks tests/Pester/*.Tests.ps1 (which this machine cannot run: no pwsh, no Pester) as far as the hosted engine can.
using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>The Pester mirror parses, and each file and its xunit counterpart name each other.</summary>
    public sealed class PesterFilesTests
    {
        private static string PesterFolder => Path.Combine(TestEnvironment.RepoRoot, "tests", "Pester");

        public static TheoryData<string> PesterFiles() =>
            new(Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "tests", "Pester"), "*.ps1").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

        [Theory]
        [MemberData(nameof(PesterFiles))]
        public void PesterFile_ParsesWithoutErrors(string file)
        {
            Parser.ParseFile(Path.Combine(PesterFolder, file), out _, out var errors);
            Assert.True(errors.Length == 0, $"{file}: " + string.Join("\n", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
        }

        [Fact]
        public void EveryXunitTestFile_NamesItsPesterMirror_AndBack()
        {
            var testsFolder = Path.Combine(TestEnvironment.RepoRoot, "tests", "Oci.PowerShell.Tests");
            var pairs = new[]
            {
                ("ModuleTests.cs", "Module.Tests.ps1"),
                ("ConnectionTests.cs", "Connection.Tests.ps1"),
                ("PullTests.cs", "Pull.Tests.ps1"),
                ("RequestTests.cs", "Request.Tests.ps1"),
                ("SessionTests.cs", "Session.Tests.ps1"),
                ("EngineStoreTests.cs", "EngineStore.Tests.ps1"),
                ("DependencyIsolationTests.cs", "DependencyIsolation.Tests.ps1"),
                ("PackageTests.cs", "Package.Tests.ps1"),
                ("DiscoveryTests.cs", "Discovery.Tests.ps1"),
                ("CredentialTests.cs", "Credentials.Tests.ps1"),
                ("TlsTests.cs", "Tls.Tests.ps1"),
            };
            foreach (var (cs, ps1) in pairs)
            {
                Assert.Contains($"tests/Pester/{ps1}", File.ReadLines(Path.Combine(testsFolder, cs)).First());
                Assert.Contains($"tests/Oci.PowerShell.Tests/{cs}", string.Join("\n", File.ReadLines(Path.Combine(PesterFolder, ps1)).Take(3)));
            }
            Assert.Equal(pairs.Select(p => p.Item2).OrderBy(x => x, StringComparer.Ordinal),
                Directory.GetFiles(PesterFolder, "*.Tests.ps1").Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal));
        }
    }
}
