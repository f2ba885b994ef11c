using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>Child processes: the docker CLI and fresh pwsh processes, timed from start to exit.</summary>
    public static class Processes
    {
        public const string DockerCli = "/usr/bin/docker";

        /// <summary>Runs <paramref name="file"/> to its end; its output and how long it took (µs). A failure throws with its stderr.</summary>
        public static async Task<(string Output, double Micros)> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
        {
            var info = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var a in args) info.ArgumentList.Add(a);
            if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
            var watch = Stopwatch.StartNew();
            using var p = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file}.");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            var micros = watch.Elapsed.TotalMicroseconds;
            if (p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {p.ExitCode}: {await stderr}");
            return (await stdout, micros);
        }

        /// <summary>The docker CLI against <paramref name="endpoint"/> (dockerd, or Podman's compatible API).</summary>
        public static Task<(string Output, double Micros)> DockerAsync(string endpoint, params string[] args) =>
            RunAsync(DockerCli, args, new Dictionary<string, string> { ["DOCKER_HOST"] = endpoint });

        /// <summary>A fresh pwsh (the repository's pinned one) running <paramref name="script"/>.</summary>
        public static Task<(string Output, double Micros)> FreshPwshAsync(string script) =>
            RunAsync("dotnet", new[] { "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", script });

        public static bool HasDockerCli => File.Exists(DockerCli);
    }
}
