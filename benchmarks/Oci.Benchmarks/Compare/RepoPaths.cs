using System;
using System.IO;

namespace Oci.Benchmarks.Compare
{
    /// <summary>Where the runner finds the built module, the empty module it compares against, and where it writes.</summary>
    public static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Module => Path.Combine(Root, "out", "Oci", "Oci.psd1");

        public static string Results => Path.Combine(Root, "artifacts", "benchmarks");

        /// <summary>The trivial binary module (benchmarks/EmptyModule) of the same configuration as this runner.</summary>
        public static string EmptyModuleAssembly(string configuration) =>
            Path.Combine(Root, "benchmarks", "EmptyModule", "bin", configuration, "netstandard2.0", "Oci.EmptyModule.dll");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Oci.PowerShell.sln"))) return dir.FullName;
            throw new InvalidOperationException("The benchmarks run from the repository (no Oci.PowerShell.sln above " + AppContext.BaseDirectory + ").");
        }
    }
}
