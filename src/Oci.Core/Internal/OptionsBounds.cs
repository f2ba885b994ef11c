using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using Oci.Credentials;

namespace Oci
{
    /// <summary>
    /// Holds a method's options — a typed object from C# or one bound from parameters — to <see cref="OciLimits"/> before
    /// a handler sees them: every string within its property's length (<see cref="LimitAttribute"/>, else
    /// <see cref="OciLimits.MaxStringLength"/>) and free of NUL, every list and dictionary within
    /// <see cref="OciLimits.MaxItems"/> and without null items, nesting within <see cref="OciLimits.MaxDepth"/>, numbers
    /// finite, enum values defined, and all strings together within <see cref="OciLimits.MaxRequestLength"/>. Messages
    /// name the parameter and a length, never a value (a secret stays unshown whatever its type).
    /// </summary>
    internal static class OptionsBounds
    {
        public static void Check(object options, string method, string? target)
        {
            var walk = new Walk(method, target);
            walk.Object(options, string.Empty, 0);
            if (walk.Total > OciLimits.MaxRequestLength)
                throw walk.Invalid($"The parameters of {method} carry {walk.Total} characters together; at most {OciLimits.MaxRequestLength} are accepted.");
        }

        private sealed class Walk
        {
            private readonly string _method;
            private readonly string? _target;

            public Walk(string method, string? target)
            {
                _method = method;
                _target = target;
            }

            public long Total { get; private set; }

            public OciException Invalid(string message) => new(OciErrorKind.InvalidArgument, message, _target);

            public void Object(object options, string prefix, int depth)
            {
                if (depth > OciLimits.MaxDepth) throw Invalid($"Parameters of {_method} nest deeper than {OciLimits.MaxDepth} levels at '{prefix.TrimEnd('.')}'.");
                foreach (var p in OptionsBinder.PropertiesOf(options.GetType()))
                {
                    if (!p.Info.CanRead) continue;
                    Value(p.Info.GetValue(options), p, prefix + p.Name, depth);
                }
            }

            private void Value(object? value, OptionsBinder.Property p, string path, int depth)
            {
                switch (value)
                {
                    case null:
                    case Stream:
                        return;
                    case string s:
                        Text(s, p, path);
                        return;
                    case double d when double.IsNaN(d) || double.IsInfinity(d):
                    case float f when float.IsNaN(f) || float.IsInfinity(f):
                        throw Invalid($"Parameter '{path}' of {_method} must be a finite number.");
                    case Enum e when !e.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(e.GetType(), e):
                        throw Invalid($"Parameter '{path}' of {_method} must be one of {string.Join(", ", Enum.GetNames(e.GetType()))}.");
                    case OciRegistryCredential credential:
                        Credential(credential, path);
                        return;
                    case IDictionary dictionary:
                        Count(dictionary.Count, path, depth);
                        foreach (DictionaryEntry entry in dictionary) Entry(entry.Key, entry.Value, p, path, depth);
                        return;
                    case IEnumerable items:
                        Items(items, p, path, depth);
                        return;
                }
                var type = value.GetType();
                if (type.IsClass && type.Namespace is { } ns && (ns == "Oci" || ns.StartsWith("Oci.", StringComparison.Ordinal)))
                    Object(value, path + ".", depth + 1);
            }

            private void Items(IEnumerable items, OptionsBinder.Property p, string path, int depth)
            {
                Count(0, path, depth);
                var i = 0;
                foreach (var item in items)
                {
                    if (i >= OciLimits.MaxItems) throw Invalid($"Parameter '{path}' of {_method} has more than {OciLimits.MaxItems} items.");
                    // A read-only dictionary that is not an IDictionary enumerates its pairs.
                    if (item is not null && item.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                        Entry(t.GetProperty("Key")!.GetValue(item), t.GetProperty("Value")!.GetValue(item), p, path, depth);
                    else if (item is null) throw Invalid($"Parameter '{path}[{i}]' of {_method} is null; give a value.");
                    else Value(item, p, path + "[" + i + "]", depth + 1);
                    i++;
                }
            }

            private void Entry(object? key, object? value, OptionsBinder.Property p, string path, int depth)
            {
                var name = key as string ?? Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (name.Length == 0) throw Invalid($"Parameter '{path}' of {_method} has an empty key.");
                if (name.Length > OciLimits.MaxStringLength)
                    throw Invalid($"A key of parameter '{path}' of {_method} is {name.Length} characters long; at most {OciLimits.MaxStringLength} are accepted.");
                if (name.IndexOf('\0') >= 0) throw Invalid($"A key of parameter '{path}' of {_method} contains a NUL character.");
                Total += name.Length;
                var entryPath = path + "[" + (name.Length > 100 ? name.Substring(0, 100) + "…" : name) + "]";
                if (value is null) throw Invalid($"Parameter '{entryPath}' of {_method} is null; give a value.");
                Value(value, p, entryPath, depth + 1);
            }

            private void Count(int count, string path, int depth)
            {
                if (depth >= OciLimits.MaxDepth) throw Invalid($"Parameters of {_method} nest deeper than {OciLimits.MaxDepth} levels at '{path}'.");
                if (count > OciLimits.MaxItems) throw Invalid($"Parameter '{path}' of {_method} has more than {OciLimits.MaxItems} entries.");
            }

            private void Text(string s, OptionsBinder.Property p, string path)
            {
                if (s.Length > p.MaxLength)
                    throw Invalid($"Parameter '{path}' of {_method} is {s.Length} characters long; at most {p.MaxLength} are accepted.");
                if (!p.AllowsNul && s.IndexOf('\0') >= 0) throw Invalid($"Parameter '{path}' of {_method} contains a NUL character.");
                if (!p.OutsideRequestLength) Total += s.Length;
            }

            private void Credential(OciRegistryCredential credential, string path)
            {
                foreach (var (what, text) in new[]
                         {
                             ("user name", credential.Username), ("server address", credential.ServerAddress),
                             ("secret", credential.GetPassword() ?? credential.GetIdentityToken()),
                         })
                {
                    if (text is null) continue;
                    if (text.Length > OciLimits.MaxStringLength)
                        throw Invalid($"The {what} of parameter '{path}' of {_method} is {text.Length} characters long; at most {OciLimits.MaxStringLength} are accepted.");
                    if (text.IndexOf('\0') >= 0) throw Invalid($"The {what} of parameter '{path}' of {_method} contains a NUL character.");
                    Total += text.Length;
                }
            }
        }
    }
}
