using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>The long-lived pwsh process (PwshHost.ps1) that times the cmdlets and, beside them, the same core calls from script.</summary>
    public sealed class PwshHost : IAsyncDisposable
    {
        private readonly Process _process;

        private readonly int _pwshId;

        private PwshHost(Process process, int pwshId)
        {
            _process = process;
            _pwshId = pwshId;
        }

        public static async Task<PwshHost> StartAsync(string inspectImage, string emptyModule)
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Compare", "PwshHost.ps1");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var a in new[] { "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script, "-ModulePath", RepoPaths.Module, "-EmptyModulePath", emptyModule, "-InspectImage", inspectImage })
                info.ArgumentList.Add(a);
            var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start pwsh.");
            var first = await process.StandardOutput.ReadLineAsync();
            if (first?.Split(' ') is not ["ready", var pid]) throw new InvalidOperationException($"The pwsh host did not start: {first}");
            return new PwshHost(process, int.Parse(pid));
        }

        /// <summary>Runs <paramref name="op"/> (PwshHost.ps1's ops) <paramref name="count"/> times on <paramref name="engine"/>.</summary>
        public async Task<Sample> RunAsync(string op, string engine, int count, params object[] args)
        {
            await _process.StandardInput.WriteLineAsync(string.Join(' ', new object[] { op, engine, count }.Concat(args)));
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The pwsh host ended.");
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("error", out var error)) throw new InvalidOperationException($"pwsh {op} {engine}: {error.GetString()}");
            var us = doc.RootElement.GetProperty("us");
            var micros = new double[us.GetArrayLength()];
            var i = 0;
            foreach (var v in us.EnumerateArray()) micros[i++] = v.GetDouble();
            return new Sample(micros, doc.RootElement.GetProperty("bytes").GetDouble());
        }

        /// <summary>
        /// A stream op read once (<paramref name="target"/> and <paramref name="items"/> go to it), with how far the pwsh
        /// process's resident set rose meanwhile. Its time and allocations are measured inside pwsh.
        /// </summary>
        public async Task<StreamRun> StreamAsync(string op, string engine, string target, long items)
        {
            var memory = ResidentMemory.Watch(_pwshId);
            Sample sample;
            try
            {
                sample = await RunAsync(op, engine, 1, target, items);
            }
            finally
            {
                memory.Dispose();
            }
            return new StreamRun(sample.Micros[0], sample.BytesPerCall, memory.Rise, null);
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
            await Task.CompletedTask;
            _process.Dispose();
        }
    }
}
