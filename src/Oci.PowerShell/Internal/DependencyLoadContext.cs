using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The module's own load context (PowerShell 7): Oci.Core and its closure load from <c>Dependencies/</c>.
    /// <para>
    /// The folder holds Oci.Core's netstandard2.0 closure, which also carries back-ports of framework assemblies
    /// (System.Memory, System.Buffers, Microsoft.Bcl.AsyncInterfaces, System.Text.Json, ...). For those, loading our
    /// old copy would split core types such as <c>Span&lt;T&gt;</c> from the runtime's, so a <c>System.*</c> or
    /// <c>Microsoft.Bcl.*</c> assembly that the platform itself provides (it is in the trusted platform assemblies)
    /// at the same or a higher version is shared from the default context: platform assemblies are backward compatible
    /// and cannot be replaced by another module. Everything else (Oci.Core, Docker.DotNet*, Microsoft.Extensions.*,
    /// Microsoft.Net.Http.Client, and any framework-ish assembly the platform has only in an older version) is loaded
    /// here, isolated from whatever else the default context holds.
    /// </para>
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
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
            if (!(name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.Bcl.", StringComparison.OrdinalIgnoreCase)))
                return false;
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
