// Lets netstandard2.0 builds use init-only setters and records; the type exists in net5.0+.
#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
#endif
