using System;
using System.Reflection;
using System.Runtime.Loader;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The PowerShell 7 half of <see cref="DependencyLoader"/>; only ever touched on .NET (Core).
    /// <para>
    /// Why a compile-time reference to the System.Runtime.Loader package: the module targets netstandard2.0 (one
    /// assembly for 5.1 and 7), whose API surface has no AssemblyLoadContext. Subclassing the context (so that its
    /// <c>Load</c> runs before the default context is consulted: the only way to isolate) needs the type at compile
    /// time; the package's netstandard1.5 reference assembly provides it and is not shipped (ExcludeAssets=runtime):
    /// at run time the framework's own System.Runtime.Loader binds. Reflection could not subclass, and a second
    /// net8.0 loader assembly would add a file and a load step for no gain.
    /// </para>
    /// </summary>
    internal static class CoreResolver
    {
        private const string CoreAssemblyName = "Oci.Core";
        private static DependencyLoadContext? _context;

        /// <summary>The module's load context, once installed (diagnostics and tests).</summary>
        internal static AssemblyLoadContext? Context => _context;

        public static void Install(string directory)
        {
            _context = new DependencyLoadContext(directory);
            AssemblyLoadContext.Default.Resolving += OnDefaultResolving;
        }

        // Asked only when the default context (the app's and PowerShell's assemblies) has no Oci.Core: hand it ours.
        // Only Oci.Core is answered here; its dependencies are resolved inside DependencyLoadContext and never leak
        // into the default context.
        private static Assembly? OnDefaultResolving(AssemblyLoadContext context, AssemblyName name)
        {
            if (!string.Equals(name.Name, CoreAssemblyName, StringComparison.OrdinalIgnoreCase)) return null;
            return _context?.LoadFromAssemblyName(new AssemblyName(CoreAssemblyName));
        }
    }
}
