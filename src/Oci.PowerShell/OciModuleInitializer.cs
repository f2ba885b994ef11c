using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// Import-Module and Remove-Module hooks. <see cref="OnImport"/> installs the dependency resolver (PowerShell runs
    /// it before any cmdlet of the module); <see cref="OnRemove"/> closes the connections of the runspace that removes
    /// the module (other runspaces keep theirs: each has its own session).
    /// </summary>
    public sealed class OciModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyLoader.Install();

        public void OnRemove(PSModuleInfo psModuleInfo) => ConnectionStore.CloseCurrent();
    }
}
