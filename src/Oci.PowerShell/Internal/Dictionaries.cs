using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Oci.PowerShell.Internal
{
    /// <summary>Hashtables of labels and options as the core takes them: string keys and values, refused clearly otherwise.</summary>
    internal static class Dictionaries
    {
        public static IReadOnlyDictionary<string, string> Strings(IDictionary? table, string parameter)
        {
            var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
            if (table is null) return result;
            foreach (DictionaryEntry e in table)
            {
                var key = System.Convert.ToString(e.Key is PSObject k ? k.BaseObject : e.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var value = e.Value is PSObject v ? v.BaseObject : e.Value;
                if (key.Length == 0 || value is null || value is IDictionary || (value is IEnumerable && value is not string))
                    throw new OciException(OciErrorKind.InvalidArgument, $"-{parameter} takes keys and single values (@{{ key = 'value' }}); '{key}' has {(value is null ? "none" : "a " + value.GetType().Name)}.", key);
                result[key] = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
            return result;
        }
    }
}
