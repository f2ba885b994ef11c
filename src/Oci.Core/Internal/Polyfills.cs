// Lets netstandard2.0 builds use init-only setters and records; the type exists in net5.0+.
#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
#endif

#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    // Lets the built-in drivers register themselves when Oci.Core loads; the compiler recognises the attribute by name.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute
    {
    }
}
#endif
