// The fresh process of tests/Pester/DependencyIsolation.Tests.ps1.
// Usage: dotnet Oci.PowerShell.ConflictHost.dll <path to Oci.psd1> <engine endpoint> <image reference>
// Prints one line per fact (PRELOADED, PULLED, ASSEMBLY, ERROR) and exits 0 only when the pull worked.
using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;

namespace Oci.PowerShell.ConflictHost
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: Oci.PowerShell.ConflictHost <Oci.psd1> <endpoint> <reference>");
                return 2;
            }
            var (manifest, endpoint, reference) = (args[0], args[1], args[2]);

            // 1. The conflicting assembly goes into the default context first, and is really used.
            var preloaded = typeof(global::Docker.DotNet.DockerClient).Assembly;
            using (var config = new global::Docker.DotNet.DockerClientConfiguration(new Uri(endpoint)))
            using (var client = config.CreateClient())
            {
                try
                {
                    client.System.PingAsync().GetAwaiter().GetResult();
                    Console.WriteLine("PRELOADED-PING ok");
                }
                catch (Exception e)
                {
                    // The old client may not speak to this engine; what matters is that it is loaded.
                    Console.WriteLine($"PRELOADED-PING failed: {e.GetType().Name}: {e.Message}");
                }
            }
            Console.WriteLine($"PRELOADED {preloaded.GetName().Name} {preloaded.GetName().Version} {ContextName(preloaded)}");

            // 2. Then the module, in a hosted PowerShell engine of this same process.
            using var ps = System.Management.Automation.PowerShell.Create(InitialSessionState.CreateDefault2());
            ps.AddScript(@"
                param($Manifest, $Endpoint, $Reference)
                Import-Module $Manifest -ErrorAction Stop
                $c = Connect-OciEngine -Endpoint $Endpoint -Name conflict -ErrorAction Stop
                $r = Invoke-OciPull -Reference $Reference -Connection $c -ErrorAction Stop
                $l = Invoke-OciRequest -Method LIST -Kind IMAGE -Connection $c -ErrorAction Stop
                $c | Disconnect-OciEngine
                $r.Data.Id
                $r.Data.GetType().FullName
                @($l.Data).Count
            ").AddArgument(manifest).AddArgument(endpoint).AddArgument(reference);
            int exit;
            try
            {
                var output = ps.Invoke();
                foreach (var e in ps.Streams.Error) Console.WriteLine($"ERROR {e.FullyQualifiedErrorId}: {e}");
                if (output.Count == 3 && output[0]?.BaseObject is string id && id.StartsWith("sha256:", StringComparison.Ordinal))
                {
                    Console.WriteLine($"PULLED {id} {output[1]} images={output[2]}");
                    exit = 0;
                }
                else
                {
                    Console.WriteLine($"ERROR unexpected output: {string.Join(" | ", output)}");
                    exit = 1;
                }
            }
            catch (Exception e)
            {
                var record = (e as IContainsErrorRecord)?.ErrorRecord;
                Console.WriteLine($"ERROR {record?.FullyQualifiedErrorId ?? e.GetType().FullName}: {e.Message}");
                exit = 1;
            }

            // 3. Which Docker.DotNet copies are loaded, and where; and every assembly the module loaded from its Dependencies/.
            foreach (var a in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name is "Docker.DotNet" or "Oci.Core"))
                Console.WriteLine($"ASSEMBLY {a.GetName().Name} {a.GetName().Version} {ContextName(a)}");
            var dependencies = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifest))!, "Dependencies") + System.IO.Path.DirectorySeparatorChar;
            foreach (var a in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.StartsWith(dependencies, StringComparison.Ordinal)))
                Console.WriteLine($"DEPENDENCY {a.GetName().Name} {a.GetName().Version} {ContextName(a)}");
            return exit;
        }

        /// <summary>The load context's name as one word ("Default" for the default context).</summary>
        private static string ContextName(System.Reflection.Assembly a)
        {
            var name = AssemblyLoadContext.GetLoadContext(a)?.Name;
            return string.IsNullOrWhiteSpace(name) ? "<unnamed>" : name.Replace(' ', '_');
        }
    }
}
