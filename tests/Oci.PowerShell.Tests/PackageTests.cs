// Mirrored by tests/Pester/Package.Tests.ps1 (same cases, same assertions).
using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Oci.PowerShell.Tests
{
    /// <summary>
    /// The Gallery package is producible without pwsh (the dotnet/MSBuild path build.ps1 also uses) and is laid
    /// out as Install-Module expects.
    /// </summary>
    public class PackageTests
    {
        [Fact]
        public async System.Threading.Tasks.Task Pack_MakesAGalleryReadyModulePackage()
        {
            _ = TestEnvironment.ModuleManifest; // the module must be built first
            var output = Path.Combine(Path.GetTempPath(), "oci-pack-" + Guid.NewGuid().ToString("N"));
            try
            {
                var project = Path.Combine(TestEnvironment.RepoRoot, "eng", "package", "Oci.Package.proj");
                var psi = new ProcessStartInfo("dotnet", $"pack \"{project}\" -c Release -nologo -p:PackageOutputPath={output}/")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    WorkingDirectory = TestEnvironment.RepoRoot,
                };
                using var process = Process.Start(psi)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
                await process.WaitForExitAsync(timeout.Token);
                var log = await stdout + "\n" + await stderr;
                Assert.True(process.ExitCode == 0, $"dotnet pack failed:\n{log}");

                var package = Assert.Single(Directory.GetFiles(output, "Oci.*.nupkg"));
                Assert.Equal("Oci.0.1.0.nupkg", Path.GetFileName(package));
                using var zip = ZipFile.OpenRead(package);
                var names = zip.Entries.Select(e => e.FullName).ToList();
                foreach (var rootFile in new[] { "Oci.psd1", "Oci.PowerShell.dll", "Oci.format.ps1xml", "en-US/Oci.PowerShell.dll-Help.xml", "Dependencies/Oci.Core.dll", "Dependencies/Docker.DotNet.dll" })
                    Assert.Contains(rootFile, names);
                Assert.DoesNotContain(names, n => n.StartsWith("lib/", StringComparison.Ordinal));

                using var nuspecStream = zip.GetEntry("Oci.nuspec")!.Open();
                var nuspec = XDocument.Load(nuspecStream);
                var ns = nuspec.Root!.Name.Namespace;
                var metadata = nuspec.Root.Element(ns + "metadata")!;
                Assert.Equal("Oci", metadata.Element(ns + "id")!.Value);
                Assert.Null(metadata.Element(ns + "dependencies"));
                var tags = metadata.Element(ns + "tags")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Contains("PSModule", tags);
                Assert.Contains("PSEdition_Core", tags);
                Assert.Contains("PSEdition_Desktop", tags);
                foreach (var cmdlet in TestEnvironment.Cmdlets)
                {
                    Assert.Contains("PSCmdlet_" + cmdlet, tags);
                    Assert.Contains("PSCommand_" + cmdlet, tags);
                }
            }
            finally
            {
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            }
        }
    }
}
