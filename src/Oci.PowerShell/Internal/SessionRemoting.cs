using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The way to PowerShell sessions in containers: src/Oci.PowerShell.Remoting, a net10.0 assembly built on PowerShell
    /// 7's remoting API, laid out as <c>Dependencies/net10.0/Oci.PowerShell.Remoting.dll</c>. It is loaded on first use
    /// into the load context of the module's Oci.Core (so both see one Oci.Core, and PowerShell's own
    /// System.Management.Automation from the default context), and only on a host that can run it (.NET 10: PowerShell
    /// 7.6 or later); anywhere else, Windows PowerShell 5.1 included, the cmdlets get <c>Oci.Unsupported</c> and the
    /// file is never touched. Its two entry points are bound as delegates: this netstandard2.0 assembly cannot
    /// reference it.
    /// </summary>
    internal static class SessionRemoting
    {
        internal const string AssemblyName = "Oci.PowerShell.Remoting";
        private const string EntryType = "Oci.PowerShell.Remoting.OciRemoting";

        /// <summary>Opens a runspace to pwsh in a container (OciRemoting.OpenAsync).</summary>
        internal delegate Task<Runspace> Opener(OciClient client, string container, string computerName, string? user, TimeSpan timeout, PSHost? host, CancellationToken cancellationToken);

        /// <summary>Makes the PSSession of an opened runspace (OciRemoting.Register: PSSession.Create).</summary>
        internal delegate PSSession Registrar(Runspace runspace, PSCmdlet? cmdlet, string? name);

        private static readonly object Gate = new();
        private static (Opener Open, Registrar Register)? _entry;

        /// <summary>The oldest PowerShell the sessions run on: the one on .NET 10, which the transport assembly is built for.</summary>
        internal static readonly Version MinimumPowerShell = new(7, 6);

        /// <summary>True when this process can load the transport (.NET 10 or later).</summary>
        internal static bool IsSupported => DependencyLoader.IsCoreClr && Environment.Version.Major >= 10;

        internal static string AssemblyPath => Path.Combine(DependencyLoader.DependencyDirectory, "net10.0", AssemblyName + ".dll");

        /// <summary>
        /// The entry points, loading the transport on first use; <c>Oci.Unsupported</c> (an <see cref="OciException"/>)
        /// on a host that cannot run it, naming <paramref name="powerShellVersion"/>.
        /// </summary>
        internal static (Opener Open, Registrar Register) Load(string powerShellVersion)
        {
            lock (Gate)
            {
                if (_entry is { } loaded) return loaded;
                if (!IsSupported)
                    throw new OciException(OciErrorKind.Unsupported,
                        $"PowerShell sessions in containers need PowerShell {MinimumPowerShell} or later (pwsh); this is PowerShell {powerShellVersion} on {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}.",
                        powerShellVersion, $"PowerShell {powerShellVersion}");
                if (!File.Exists(AssemblyPath))
                    throw new OciException(OciErrorKind.Unsupported,
                        $"This copy of the Oci module has no PowerShell-session transport ({AssemblyPath} is missing): reinstall the module.", AssemblyPath);
                var type = LoadBesideCore(AssemblyPath).GetType(EntryType, throwOnError: true)!;
                var entry = (Bind<Opener>(type, "OpenAsync"), Bind<Registrar>(type, "Register"));
                _entry = entry;
                return entry;
            }
        }

        private static T Bind<T>(Type type, string method) where T : Delegate =>
            (T)Delegate.CreateDelegate(typeof(T), type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(type.FullName, method));

        // Kept out of line so no other path JIT-compiles a method that mentions AssemblyLoadContext.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Assembly LoadBesideCore(string path)
        {
            var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(OciClient).Assembly)
                ?? System.Runtime.Loader.AssemblyLoadContext.Default;
            return context.LoadFromAssemblyPath(path);
        }
    }
}
