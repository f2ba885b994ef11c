using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// -Parameters values as Oci.Core takes them: PowerShell's wrappers removed (PSObject → its base object, a switch →
    /// a bool), a <see cref="PSCredential"/> → an <c>OciRegistryCredential</c>, through nested hashtables and arrays. Only
    /// the module knows PowerShell's types; the core binds plain values to each method's options.
    /// </summary>
    internal static class ParameterValues
    {
        /// <summary>The most levels converted; deeper values are left for the core to refuse.</summary>
        private const int MaxDepth = 16;

        public static IDictionary? Convert(IDictionary? parameters) => parameters is null ? null : (IDictionary)Convert(parameters, 0)!;

        private static object? Convert(object? value, int depth)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            if (depth > MaxDepth) return value;
            switch (value)
            {
                case SwitchParameter s:
                    return s.IsPresent;
                case PSCredential credential:
                    return RegistryCredentials.From(credential);
                case IDictionary dictionary:
                    // Keys as the caller wrote them, in the caller's order (the core refuses a name given twice).
                    var copy = new System.Collections.Specialized.OrderedDictionary();
                    foreach (DictionaryEntry e in dictionary)
                    {
                        copy[Convert(e.Key, depth + 1) ?? string.Empty] = Convert(e.Value, depth + 1);
                        if (copy.Count > OciLimits.MaxItems) break; // enough for the core to refuse it by its bound
                    }
                    return copy;
                case string:
                    return value;
                case IEnumerable items:
                    // One past the core's bound at most: an endless sequence is refused, not read to the end.
                    var list = new List<object?>();
                    foreach (var item in items)
                    {
                        list.Add(Convert(item, depth + 1));
                        if (list.Count > OciLimits.MaxItems) break;
                    }
                    return list.ToArray();
                default:
                    return value;
            }
        }
    }
}
