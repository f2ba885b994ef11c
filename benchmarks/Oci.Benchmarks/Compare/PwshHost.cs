using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>The long-lived pwsh process (PwshHost.ps1) that times the cmdlets and, beside them, the same core calls from script.</summary>
    public sealed class PwshHost : IAsyncDisposable
    {
        private readonly Process _process;

        private PwshHost(Process process)
        {
            _process = process;
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
            if (first != "ready") throw new InvalidOperationException($"The pwsh host did not start: {first}");
            return new PwshHost(process);
        }

        /// <summary>Runs <paramref name="op"/> (PwshHost.ps1's ops) <paramref name="count"/> times on <paramref name="engine"/>.</summary>
        public async Task<Sample> RunAsync(string op, string engine, int count)
        {
            await _process.StandardInput.WriteLineAsync($"{op} {engine} {count}");
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

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
            await Task.CompletedTask;
            _process.Dispose();
        }
    }
}
