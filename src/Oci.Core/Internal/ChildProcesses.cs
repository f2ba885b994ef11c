using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Oci
{
    /// <summary>
    /// What every program Oci runs (credential helpers, ssh) shares: found on the environment's PATH, started with its
    /// variables and all three streams redirected, no shell and no window, and stopped for good when abandoned.
    /// </summary>
    internal static class ChildProcesses
    {
        /// <summary>The first <paramref name="program"/> on the environment's PATH (with PATHEXT on Windows); null when none.</summary>
        public static string? Find(string program, OciEnvironment env)
        {
            var pathVar = env.GetVariable("PATH");
            if (string.IsNullOrEmpty(pathVar)) return null;
            var extensions = new List<string> { string.Empty };
            if (env.IsWindows)
            {
                extensions.Clear();
                if (Path.HasExtension(program)) extensions.Add(string.Empty);
                foreach (var ext in (env.GetVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                    extensions.Add(ext.Trim());
            }
            foreach (var dir in pathVar!.Split(new[] { env.IsWindows ? ';' : ':' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var d = dir.Trim().Trim('"');
                if (d.Length == 0) continue;
                foreach (var ext in extensions)
                {
                    var candidate = Path.Combine(d, program + ext);
                    if (env.FileExists(candidate) && !env.DirectoryExists(candidate)) return candidate;
                }
            }
            return null;
        }

        /// <summary>
        /// A start of <paramref name="path"/> with <paramref name="arguments"/> (each passed as one argument, never through a
        /// shell), stdin, stdout and stderr redirected, and the environment's variables: an environment built with
        /// <see cref="OciEnvironment.FromVariables"/> gives exactly its own, the real one the process's.
        /// </summary>
        public static ProcessStartInfo StartInfo(string path, IEnumerable<string> arguments, OciEnvironment env)
        {
            var psi = new ProcessStartInfo(path)
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
#if NET8_0_OR_GREATER
            foreach (var a in arguments) psi.ArgumentList.Add(a);
#else
            psi.Arguments = Quote(arguments);
#endif
            if (env.ChildProcessVariables is { } variables)
            {
                psi.Environment.Clear();
                foreach (var v in variables)
                    if (v.Value is not null) psi.Environment[v.Key] = v.Value;
            }
            return psi;
        }

        /// <summary>Kills <paramref name="process"/> (and what it started, where the platform can) unless it has exited.</summary>
        public static void Kill(Process process)
        {
            try
            {
                if (process.HasExited) return;
#if NET5_0_OR_GREATER
                process.Kill(entireProcessTree: true);
#else
                process.Kill();
#endif
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Already gone, or not ours to kill.
            }
        }

#if !NET8_0_OR_GREATER
        /// <summary>
        /// One command-line string that splits back into exactly <paramref name="arguments"/> under the rules
        /// <c>CommandLineToArgvW</c> uses, which .NET also applies to <c>ProcessStartInfo.Arguments</c> on Unix
        /// (netstandard2.0 has no <c>ArgumentList</c>).
        /// </summary>
        internal static string Quote(IEnumerable<string> arguments)
        {
            var sb = new StringBuilder();
            foreach (var a in arguments)
            {
                if (sb.Length > 0) sb.Append(' ');
                if (a.Length > 0 && a.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0)
                {
                    sb.Append(a);
                    continue;
                }
                sb.Append('"');
                var backslashes = 0;
                foreach (var c in a)
                {
                    if (c == '\\') { backslashes++; continue; }
                    // Backslashes count only before a quote: double them there, and escape the quote.
                    sb.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes);
                    backslashes = 0;
                    sb.Append(c);
                }
                sb.Append('\\', backslashes * 2).Append('"');
            }
            return sb.ToString();
        }
#endif
    }
}
