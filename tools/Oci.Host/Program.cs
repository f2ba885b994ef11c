using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Oci.Host
{
    /// <summary>
    /// Runs a PowerShell script file in the hosted engine: output rendered by Out-Default through
    /// <see cref="ConsoleHost"/> (stdout), errors, warnings and progress on stderr. Exit code: the
    /// script's <c>exit</c> code, else 1 when it wrote or threw any error, else 0.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "/?")
            {
                Console.Error.WriteLine("usage: Oci.Host <script.ps1> [script arguments...]");
                return 2;
            }

            var script = Path.GetFullPath(args[0]);
            if (!File.Exists(script))
            {
                Console.Error.WriteLine($"Oci.Host: script not found: {script}");
                return 2;
            }

            var host = new ConsoleHost();
            var iss = InitialSessionState.CreateDefault2();
            // Windows would otherwise refuse to run an unsigned script; elsewhere there is no policy.
            if (OperatingSystem.IsWindows()) iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;

            using var runspace = RunspaceFactory.CreateRunspace(host, iss);
            runspace.Open();
            using var ps = PowerShell.Create(runspace);

            var errors = 0;
            ps.Streams.Error.DataAdded += (_, e) =>
            {
                errors++;
                host.ConsoleUI.WriteErrorRecord(ps.Streams.Error[e.Index]);
            };

            // Ctrl+C stops the pipeline (the cmdlets' StopProcessing) instead of killing the process.
            var stopped = false;
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stopped = true;
                ps.BeginStop(null, null);
            };

            ps.AddScript(CommandLine.Build(script, args.Skip(1)));
            ps.AddCommand("Out-Default");

            try
            {
                ps.Invoke();
            }
            catch (RuntimeException e)
            {
                errors++;
                host.ConsoleUI.WriteErrorRecord(e.ErrorRecord);
            }
            catch (Exception e) when (e is PipelineStoppedException or InvalidOperationException)
            {
                errors++;
                Console.Error.WriteLine($"Oci.Host: {e.Message}");
            }
            finally
            {
                host.ConsoleUI.FlushProgress();
            }

            if (stopped)
            {
                Console.Error.WriteLine("Oci.Host: stopped (Ctrl+C).");
                return 130; // the shell convention for "ended by SIGINT"
            }
            if (host.ExitCode is int code) return code;
            // `exit N` in the script file lands in $LASTEXITCODE (the script is not the top level).
            if (runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int last && last != 0) return last;
            return errors > 0 || ps.HadErrors ? 1 : 0;
        }
    }
}
