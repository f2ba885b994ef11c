// Mirrored by tests/Pester/DependencyIsolation.Tests.ps1 (same cases, same assertions).
using System;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Oci.PowerShell.Tests
{
    /// <summary>
    /// A conflicting Docker.DotNet (the original 3.125.15, same assembly name as the module's Docker.DotNet.Enhanced)
    /// already loaded in the default context must not break the module. Runs in a fresh process
    /// (tests/Oci.PowerShell.ConflictHost): a load-context conflict cannot be undone in-process.
    /// </summary>
    public sealed class DependencyIsolationTests
    {
        private readonly ITestOutputHelper _log;

        public DependencyIsolationTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async Task AConflictingDockerDotNetLoadedFirst_DoesNotBreakTheModule()
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { TestEnvironment.ConflictHostPath, TestEnvironment.ModuleManifest, TestEnvironment.DockerHost, TestEnvironment.Small })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stderrTask = p.StandardError.ReadToEndAsync();
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            {
                try
                {
                    await p.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    p.Kill(entireProcessTree: true);
                    Assert.Fail("The helper process did not finish within 120 s.");
                }
            }
            var stdout = await stdoutTask;
            var all = stdout + await stderrTask;
            _log.WriteLine(all);

            // The conflicting copy really was loaded first, into the default context...
            Assert.Matches(new Regex(@"^PRELOADED Docker\.DotNet 3\.125\.\d+\.\d+ Default\r?$", RegexOptions.Multiline), stdout);
            // ...and the module still pulled, with its own copies in their own context.
            Assert.True(p.ExitCode == 0, $"The module failed next to a conflicting Docker.DotNet (exit {p.ExitCode}):\n{all}");
            Assert.Matches(new Regex(@"^PULLED sha256:[0-9a-f]{64} Oci\.OciImage images=\d+\r?$", RegexOptions.Multiline), stdout);
            var loaded = stdout.Split('\n').Where(l => l.StartsWith("ASSEMBLY ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')).ToList();
            Assert.Contains(loaded, a => a[1] == "Docker.DotNet" && a[2].StartsWith("3.125.", StringComparison.Ordinal) && a[3] == "Default");
            Assert.Contains(loaded, a => a[1] == "Docker.DotNet" && !a[2].StartsWith("3.", StringComparison.Ordinal) && a.Length > 3 && a[3] != "Default");
            Assert.Contains(loaded, a => a[1] == "Oci.Core" && a.Length > 3 && a[3] != "Default");
        }
    }
}
