using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Oci.Benchmarks.Compare
{
    /// <summary>One CLI run: its time (µs) to its end or to the last line waited for, what it wrote, its peak resident set (bytes).</summary>
    public sealed record CliRun(double Micros, long Lines, long Bytes, long PeakRss);

    /// <summary>Child processes: the docker CLI and fresh pwsh processes, timed from start to exit.</summary>
    public static class Processes
    {
        public const string DockerCli = "/usr/bin/docker";

        /// <summary>Runs <paramref name="file"/> to its end; its output and how long it took (µs). A failure throws with its stderr.</summary>
        public static async Task<(string Output, double Micros)> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
        {
            var watch = Stopwatch.StartNew();
            using var p = Start(file, args, env);
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            var micros = watch.Elapsed.TotalMicroseconds;
            if (p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {p.ExitCode}: {await stderr}");
            return (await stdout, micros);
        }

        private static Process Start(string file, IEnumerable<string> args, IDictionary<string, string>? env)
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
            return Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file}.");
        }

        /// <summary>The docker CLI against <paramref name="endpoint"/> (dockerd, or Podman's compatible API).</summary>
        public static Task<(string Output, double Micros)> DockerAsync(string endpoint, params string[] args) =>
            RunAsync(DockerCli, args, Docker(endpoint).Env);

        /// <summary>A fresh pwsh (the repository's pinned one) running <paramref name="script"/>.</summary>
        public static Task<(string Output, double Micros)> FreshPwshAsync(string script) =>
            RunAsync("dotnet", new[] { "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", script });

        public const string PodmanCli = "/usr/bin/podman";

        public static bool HasDockerCli => File.Exists(DockerCli);

        public static bool HasPodmanCli => File.Exists(PodmanCli);

        /// <summary>The docker CLI's arguments and environment for <paramref name="endpoint"/>.</summary>
        public static (string File, string[] Args, Dictionary<string, string> Env) Docker(string endpoint, params string[] args) =>
            (DockerCli, args, new Dictionary<string, string> { ["DOCKER_HOST"] = endpoint });

        /// <summary>The podman CLI as a remote client of <paramref name="endpoint"/> (the bed's Podman API service).</summary>
        public static (string File, string[] Args, Dictionary<string, string> Env) Podman(string endpoint, params string[] args) =>
            (PodmanCli, new[] { "--remote", "--url", endpoint }.Concat(args).ToArray(), new Dictionary<string, string>());

        /// <summary>
        /// Runs a CLI command with its output drained (counted in lines, never kept) until it exits, or, with
        /// <paramref name="stopAfterLines"/>, until that many lines came (then it is killed: a follow never ends by itself).
        /// Its time to that point, the lines and bytes it wrote, and its peak resident set. A failure throws with its stderr.
        /// </summary>
        public static async Task<CliRun> MeasureAsync((string File, string[] Args, Dictionary<string, string> Env) command, long? stopAfterLines = null)
        {
            var watch = Stopwatch.StartNew();
            using var p = Start(command.File, command.Args, command.Env);
            var memory = ResidentMemory.Watch(p.Id);
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.BaseStream;
            var buffer = new byte[64 * 1024];
            long lines = 0, bytes = 0;
            int n;
            while ((stopAfterLines is null || lines < stopAfterLines) && (n = await stdout.ReadAsync(buffer)) > 0)
            {
                bytes += n;
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
            }
            var micros = watch.Elapsed.TotalMicroseconds;
            memory.Dispose();
            if (stopAfterLines is not null && !p.HasExited) p.Kill();
            await p.WaitForExitAsync();
            if (stopAfterLines is null && p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(command.File)} {string.Join(' ', command.Args)} exited {p.ExitCode}: {await stderr}");
            if (stopAfterLines is not null && lines < stopAfterLines)
                throw new InvalidOperationException($"{Path.GetFileName(command.File)} {string.Join(' ', command.Args)} ended after {lines} of {stopAfterLines} lines: {await stderr}");
            return new CliRun(micros, lines, bytes, memory.HighWater);
        }
    }
}
