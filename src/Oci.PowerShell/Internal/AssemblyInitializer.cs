using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// Installs the dependency resolver before any other code of this assembly runs, also when the assembly is
    /// used without Import-Module (Add-Type, reflection, a test host). Import-Module additionally calls
    /// <see cref="OciModuleInitializer.OnImport"/>; installing is idempotent.
    /// </summary>
    internal static class AssemblyInitializer
    {
        [ModuleInitializer]
        [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
            Justification = "A PowerShell module must resolve its isolated dependencies before any cmdlet touches them.")]
        internal static void Initialize() => DependencyLoader.Install();
    }
}

namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks the attribute; the compiler recognises it by name.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute
    {
    }
}
