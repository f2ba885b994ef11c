using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The module's own load context (PowerShell 7): Oci.Core and its whole closure load from <c>Dependencies/</c>,
    /// isolated from whatever the default context holds (another module's Docker.DotNet, PowerShell's own
    /// System.Text.Json, ...).
    /// <para>
    /// One exception: the folder holds Oci.Core's netstandard2.0 closure, which includes back-ports of types the .NET
    /// runtime defines itself (<c>Span&lt;T&gt;</c>, <c>ValueTask</c>, <c>Vector&lt;T&gt;</c>, <c>Unsafe</c>, <c>ArrayPool</c>).
    /// Loading those copies would split such core types from the runtime's, so the assemblies in
    /// <see cref="RuntimeUnified"/> are shared from the platform (the runtime's facades forward to its own types)
    /// whenever the platform has them at the same or a higher version. Everything above them (System.Text.Json,
    /// System.Net.Http.Json, System.IO.Pipelines, Microsoft.Bcl.AsyncInterfaces, ...) stays private, so the closure is
    /// self-consistent: e.g. our System.Text.Json and Oci.Core agree on Microsoft.Bcl.AsyncInterfaces' interfaces.
    /// </para>
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        /// <summary>netstandard2.0 back-ports of types that .NET defines in its core library: always the platform's.</summary>
        internal static readonly HashSet<string> RuntimeUnified = new(StringComparer.OrdinalIgnoreCase)
        {
            "System.Buffers",
            "System.Memory",
            "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Threading.Tasks.Extensions",
        };

        private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _platform = new(StringComparer.OrdinalIgnoreCase);

        public DependencyLoadContext(string directory)
        {
            foreach (var file in Directory.GetFiles(directory, "*.dll"))
                _files[Path.GetFileNameWithoutExtension(file)] = file;
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
            {
                foreach (var path in tpa.Split(Path.PathSeparator))
                {
                    if (path.Length == 0) continue;
                    var name = Path.GetFileNameWithoutExtension(path);
                    if (!_platform.ContainsKey(name)) _platform[name] = path;
                }
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null || !_files.TryGetValue(name, out var path)) return null; // not ours: the default context
            if (IsSharedWithPlatform(name, path)) return null;
            return LoadFromAssemblyPath(path);
        }

        private bool IsSharedWithPlatform(string name, string ourPath)
        {
            if (!RuntimeUnified.Contains(name)) return false;
            if (!_platform.TryGetValue(name, out var platformPath)) return false;
            try
            {
                var platformVersion = AssemblyName.GetAssemblyName(platformPath).Version;
                var ourVersion = AssemblyName.GetAssemblyName(ourPath).Version;
                return platformVersion is not null && ourVersion is not null && platformVersion >= ourVersion;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
