using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// Makes Oci.Core and its dependencies (Docker.DotNet, System.Text.Json, ...) loadable from the module's
    /// <c>Dependencies/</c> folder without clashing with other versions already in the process.
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): <c>AssemblyLoadContext.Default</c>'s <c>Resolving</c> event answers the one
    /// request the default context cannot satisfy, Oci.Core (wanted by this assembly's cmdlets), with Oci.Core loaded
    /// into the module's own <see cref="DependencyLoadContext"/> — its net8.0 build from <c>Dependencies/net8.0</c> on
    /// .NET 8 and later (the cmdlets are compiled against the netstandard2.0 build, whose public API is the same). That context then resolves everything Oci.Core needs
    /// from <c>Dependencies/</c>, so a different Docker.DotNet (say) already loaded into the default context by another
    /// module is never seen by Oci.Core, and ours never by it.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework, no load contexts): <c>AppDomain.AssemblyResolve</c> loads any
    /// assembly found in <c>Dependencies/</c> by simple name, whatever version was asked (a binding redirect in code).</item>
    /// </list>
    /// Installation must precede the first use of any Oci.Core type: <see cref="OciModuleInitializer.OnImport"/> calls
    /// <see cref="Install"/>, and so does the assembly's module initializer (<see cref="AssemblyInitializer"/>), which
    /// runs before any code of this assembly when it is used outside Import-Module. No type of this assembly that is
    /// loaded when PowerShell scans the module may mention an Oci.Core value type or implement an Oci.Core interface.
    /// </summary>
    internal static class DependencyLoader
    {
        private static readonly object Gate = new();
        private static bool _installed;

        /// <summary>The folder the isolated dependencies live in (<c>&lt;module&gt;/Dependencies</c>).</summary>
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? AppContext.BaseDirectory, "Dependencies");

        /// <summary>True on .NET (Core), where load contexts exist; false on .NET Framework.</summary>
        internal static bool IsCoreClr { get; } =
            !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>Installs the resolver once per process; later calls do nothing.</summary>
        public static void Install()
        {
            lock (Gate)
            {
                if (_installed) return;
                // A build without Dependencies/ (bin/ of a test project that references Oci.Core directly) needs no resolver.
                if (Directory.Exists(DependencyDirectory))
                {
                    if (IsCoreClr) InstallCore(DependencyDirectory);
                    else InstallFramework(DependencyDirectory);
                }
                _installed = true;
            }
        }

        /// <summary>
        /// On .NET 8 or later, the net8.0 build of Oci.Core and its closure (<c>Dependencies/net8.0</c>): its own pooled
        /// transport, no Docker.DotNet. Older .NET (Core) runtimes keep the netstandard2.0 closure.
        /// </summary>
        internal static string CoreDirectory(string directory)
        {
            var net8 = Path.Combine(directory, "net8.0");
            return Environment.Version.Major >= 8 && File.Exists(Path.Combine(net8, "Oci.Core.dll")) ? net8 : directory;
        }

        // Kept out of line so .NET Framework never JIT-compiles a method that mentions AssemblyLoadContext.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void InstallCore(string directory) => CoreResolver.Install(CoreDirectory(directory));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void InstallFramework(string directory)
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
            {
                var name = new AssemblyName(args.Name).Name;
                if (string.IsNullOrEmpty(name)) return null;
                var path = Path.Combine(directory, name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
        }
    }
}
