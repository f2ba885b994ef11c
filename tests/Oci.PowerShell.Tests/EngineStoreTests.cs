// Mirrored by tests/Pester/EngineStore.Tests.ps1 (same cases, same assertions).
using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Oci.PowerShell.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Oci.PowerShell.Tests
{
    /// <summary>Tests that remove the shared images big and layers from the engine to force a real download run alone.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EngineStoreCollection
    {
        public const string Name = "EngineStore";
    }

    /// <summary>Progress of a real download, and Ctrl+C (PowerShell.Stop) during one.</summary>
    [Collection(EngineStoreCollection.Name)]
    public sealed class EngineStoreTests
    {
        private const string RemoveImage = @"
            param($Ref)
            try { $i = Invoke-OciRequest -Method INSPECT -Target $Ref -ErrorAction Stop } catch { $i = $null }
            if ($i) { Invoke-OciRequest -Method REMOVE -Target $i.Data.Id -Parameters @{ force = $true } | Out-Null }
            try { Invoke-OciRequest -Method INSPECT -Target $Ref -ErrorAction Stop | Out-Null; 'still there' } catch { $_.FullyQualifiedErrorId }";

        private readonly ITestOutputHelper _log;

        public EngineStoreTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public void Progress_ParentBarPerImage_ChildBarPerLayer_AllCompleted()
        {
            using var s = PsSession.Start();
            s.Connect();
            Assert.Equal("Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest",
                Assert.Single(s.Run(RemoveImage, new System.Collections.Hashtable { ["Ref"] = TestEnvironment.Layers }).Output).ToString());

            var r = s.Run("$Small, $Layers | Invoke-OciPull").AssertSucceeded();
            Assert.Equal(2, r.Output.Count);
            var progress = r.Progress;
            Assert.NotEmpty(progress);
            _log.WriteLine($"{progress.Count} progress records");

            var parents = progress.Where(p => p.ParentActivityId < 0).ToList();
            var children = progress.Where(p => p.ParentActivityId >= 0).ToList();
            // A parent bar per image, naming it...
            var smallBar = parents.Where(p => Mentions(p, TestEnvironment.Small)).ToList();
            var layersBar = parents.Where(p => Mentions(p, TestEnvironment.Layers)).ToList();
            Assert.NotEmpty(smallBar);
            Assert.NotEmpty(layersBar);
            Assert.Single(layersBar.Select(p => p.ActivityId).Distinct());
            var layersId = layersBar[0].ActivityId;
            // ...with a child bar per layer under it (24 layers were downloaded).
            var layerChildren = children.Where(p => p.ParentActivityId == layersId).ToList();
            Assert.True(layerChildren.Select(p => p.ActivityId).Distinct().Count() >= 24,
                $"Expected a child bar for each of the 24 layers; got {layerChildren.Select(p => p.ActivityId).Distinct().Count()}.");
            Assert.DoesNotContain(layerChildren, p => p.ActivityId == layersId);
            // Every child points at a parent bar that exists.
            Assert.All(children, c => Assert.Contains(parents, p => p.ActivityId == c.ParentActivityId));
            // Every bar ends Completed: the last record of each activity (in order) completes it.
            foreach (var bar in progress.GroupBy(p => (p.ActivityId, p.ParentActivityId)))
                Assert.True(bar.Last().RecordType == ProgressRecordType.Completed, $"Bar {bar.Key} ({bar.Last().Activity}) never completed.");
            // The image bar is the last to complete.
            Assert.Equal(layersId, progress.Last().ActivityId);
            Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
        }

        [Fact]
        public void Progress_IsThrottled_OnABigPull()
        {
            using var s = PsSession.Start();
            s.Connect();
            Assert.Equal("Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest",
                Assert.Single(s.Run(RemoveImage, new System.Collections.Hashtable { ["Ref"] = TestEnvironment.Big }).Output).ToString());
            var watch = Stopwatch.StartNew();
            var r = s.Run("Invoke-OciPull -Reference $Big").AssertSucceeded();
            watch.Stop();
            Assert.Equal(TestEnvironment.Big, Ps.Str(Assert.Single(r.Output), "Target"));
            var bars = r.Progress.Select(p => p.ActivityId).Distinct().Count();
            _log.WriteLine($"{r.Progress.Count} progress records for {bars} bars in {watch.Elapsed.TotalMilliseconds:0} ms");
            // The engine reports a 256 MB layer in hundreds of steps; the host gets about 10 updates a second per bar,
            // plus the phase changes and completions.
            var allowed = bars * (8 + 12 * watch.Elapsed.TotalSeconds);
            Assert.True(r.Progress.Count <= allowed, $"{r.Progress.Count} progress records for {bars} bars in {watch.Elapsed.TotalSeconds:0.0} s floods the host (allowed {allowed:0}).");
            Assert.True(r.Progress.Count >= 2 * bars);
        }

        [Theory]
        [InlineData("Invoke-OciPull -Reference $Big -Connection $c")]
        [InlineData("Invoke-OciRequest -Method PULL -Target $Big -Connection $c")]
        public void CtrlC_StopsABigPullWithinSeconds_AndTheConnectionStillWorks(string command)
        {
            using var s = PsSession.Start();
            s.Connect();
            Assert.Equal("Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest",
                Assert.Single(s.Run(RemoveImage, new System.Collections.Hashtable { ["Ref"] = TestEnvironment.Big }).Output).ToString());

            using var ps = s.CreatePowerShell(command);
            // Stop once the engine is really downloading: the first layer (child) bar, not just the image bar the cmdlet opens at once.
            using var firstProgress = new ManualResetEventSlim();
            ps.Streams.Progress.DataAdded += (_, e) =>
            {
                if (ps.Streams.Progress[e.Index].ParentActivityId >= 0) firstProgress.Set();
            };
            var output = new PSDataCollection<PSObject>();
            var started = Stopwatch.StartNew();
            var pending = ps.BeginInvoke<PSObject, PSObject>(null, output);
            Assert.True(firstProgress.Wait(TimeSpan.FromSeconds(30)), "No layer progress record arrived within 30 s of starting the pull of " + TestEnvironment.Big);
            var firstAt = started.Elapsed;

            var stopping = Stopwatch.StartNew();
            ps.Stop();
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "The pull did not end within 30 s of PowerShell.Stop().");
            stopping.Stop();
            _log.WriteLine($"first layer progress after {firstAt.TotalMilliseconds:0} ms; stopped {stopping.Elapsed.TotalMilliseconds:0} ms after Stop()");

            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Empty(output); // the pull did not finish
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {stopping.Elapsed.TotalMilliseconds:0} ms; it must cancel the pull within a second.");

            // The connection survives the cancelled call.
            var after = s.Run("$c.Connected; (Invoke-OciRequest -Method PING -Connection $c).Status; (Invoke-OciPull $Small -Connection $c).Target").AssertSucceeded();
            Assert.Equal(new object[] { true, "OK", TestEnvironment.Small }, after.Output.Select(o => o.BaseObject));
        }

        private static bool Mentions(ProgressRecord p, string reference) =>
            (p.Activity?.Contains(reference) ?? false) || (p.StatusDescription?.Contains(reference) ?? false);
    }
}
