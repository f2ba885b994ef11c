using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security;
using Oci.Credentials;

namespace Oci
{
    /// <summary>
    /// Binds a request's parameter dictionary to a method's options type: each public settable property is a
    /// parameter (matched case-insensitively, shown camelCased); unknown keys, wrong types, nulls where a value is
    /// needed and oversized values are refused by name as InvalidArgument. Nested options classes bind from nested
    /// dictionaries, lists from arrays. The value of a secret-bearing parameter is never formatted, whatever its type.
    /// </summary>
    internal static class OptionsBinder
    {
        /// <summary>The longest string a parameter may carry (<see cref="OciLimits.MaxStringLength"/>; a property may have its own, <see cref="LimitAttribute"/>).</summary>
        public const int MaxStringLength = OciLimits.MaxStringLength;

        /// <summary>The most items a list or dictionary parameter may carry.</summary>
        public const int MaxItems = OciLimits.MaxItems;

        /// <summary>How deeply options may nest.</summary>
        public const int MaxDepth = OciLimits.MaxDepth;

        private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

        /// <summary>
        /// The request's options as <typeparamref name="T"/>: its options object, else its parameters bound; either way
        /// checked against <see cref="OciLimits"/> (<see cref="OptionsBounds"/>) before a handler sees them.
        /// </summary>
        public static T Bind<T>(OciRequest request) where T : class, new()
        {
            // Nothing to bind (most calls): the defaults, within every bound, without the binder's bookkeeping.
            if (request.Options is null && request.Parameters.Count == 0) return new T();
            var context = new Context(request.Method, request.Target);
            T options;
            if (request.Options is T typed) options = typed;
            else if (request.Options is not null)
                throw context.Invalid($"{request.Method} takes {Name(typeof(T))}; got options of type {request.Options.GetType().Name}.");
            else options = (T)ShapeOf(typeof(T)).Bind(request.Parameters.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)), context, string.Empty, 0, secret: false);
            OptionsBounds.Check(options, request.Method, request.Target);
            return options;
        }

        /// <summary>The public settable properties of <paramref name="type"/> as parameters (name, secrecy, own bound).</summary>
        internal static IReadOnlyList<Property> PropertiesOf(Type type) => ShapeOf(type).Properties;

        /// <summary>The parameter names <paramref name="optionsType"/> takes, camelCased (for help, completion and errors).</summary>
        public static IReadOnlyList<string> ParameterNames(Type optionsType) => ShapeOf(optionsType).Names;

        /// <summary>The options' set values as request-line pairs; secrets shown as <see cref="Secrets.Redacted"/>.</summary>
        public static IEnumerable<(string Key, string Text)> Describe(object options)
        {
            foreach (var p in ShapeOf(options.GetType()).Properties)
            {
                var value = p.Info.GetValue(options);
                if (IsEmpty(value)) continue;
                yield return (p.Name, p.Secret ? Secrets.Redacted : Secrets.Show(p.Name, Text(value)));
            }
        }

        private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, t => new Shape(t));

        private static string Name(Type type) => type == typeof(OciNoOptions) ? "no parameters" : type.Name;

        private static bool IsEmpty(object? value) => value switch
        {
            null => true,
            bool b => !b,
            string s => s.Length == 0,
            ICollection c => c.Count == 0,
            IConvertible c when c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal => System.Convert.ToDecimal(c, CultureInfo.InvariantCulture) == 0,
            _ => false,
        };

        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            string s => s,
            // An entry whose key looks secret (an environment's DB_PASSWORD) hides its value.
            IDictionary d => "{" + string.Join(",", d.Keys.Cast<object>().Select(k => k + "=" + (Secrets.IsSecretName(System.Convert.ToString(k, CultureInfo.InvariantCulture) ?? string.Empty) ? Secrets.Redacted : Text(d[k])))) + "}",
            IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Text)) + "]",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private sealed class Context
        {
            public Context(string method, string? target)
            {
                Method = method;
                Target = target;
            }

            public string Method { get; }
            public string? Target { get; }

            public OciException Invalid(string message) => new(OciErrorKind.InvalidArgument, message, Target);
        }

        internal sealed class Property
        {
            public Property(PropertyInfo info)
            {
                Info = info;
                Name = char.ToLowerInvariant(info.Name[0]) + info.Name.Substring(1);
                Secret = info.PropertyType == typeof(OciRegistryCredential) || info.PropertyType == typeof(SecureString)
                         || (info.PropertyType != typeof(bool) && Secrets.IsSecretName(info.Name))
                         || info.IsDefined(typeof(SensitiveAttribute), inherit: true);
                var limit = (LimitAttribute?)info.GetCustomAttributes(typeof(LimitAttribute), inherit: true).FirstOrDefault();
                MaxLength = limit?.MaxLength ?? OciLimits.MaxStringLength;
                OutsideRequestLength = limit?.OutsideRequestLength ?? false;
                AllowsNul = limit?.AllowsNul ?? false;
            }

            public PropertyInfo Info { get; }
            public string Name { get; }
            public bool Secret { get; }

            /// <summary>The longest string this property (or each of its items) may carry.</summary>
            public int MaxLength { get; }

            /// <summary>True when its length is not counted in <see cref="OciLimits.MaxRequestLength"/> (standard input).</summary>
            public bool OutsideRequestLength { get; }

            /// <summary>True when its text may hold NUL characters (standard input).</summary>
            public bool AllowsNul { get; }
        }

        private sealed class Shape
        {
            private readonly Dictionary<string, Property> _byName = new(StringComparer.OrdinalIgnoreCase);
            private readonly Type _type;

            public Shape(Type type)
            {
                _type = type;
                Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
                    .Select(p => new Property(p))
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .ToArray();
                foreach (var p in Properties) _byName[p.Name] = p;
                Names = Properties.Select(p => p.Name).ToArray();
            }

            public IReadOnlyList<Property> Properties { get; }
            public IReadOnlyList<string> Names { get; }

            public object Bind(IEnumerable<KeyValuePair<string, object?>> pairs, Context context, string path, int depth, bool secret)
            {
                if (depth > MaxDepth) throw context.Invalid($"Parameters of {context.Method} nest deeper than {MaxDepth} levels at '{path}'.");
                var target = Activator.CreateInstance(_type)!;
                var unknown = new List<string>();
                foreach (var pair in pairs)
                {
                    if (!_byName.TryGetValue(pair.Key ?? string.Empty, out var property))
                    {
                        unknown.Add(path + pair.Key);
                        continue;
                    }
                    if (pair.Value is null) continue; // null keeps the default
                    // Everything under a secret (a credential given as a dictionary, say) is secret too.
                    property.Info.SetValue(target, Convert(pair.Value, property.Info.PropertyType, context, path + property.Name, secret || property.Secret, depth, property.MaxLength));
                }
                if (unknown.Count > 0)
                {
                    var accepted = Names.Count == 0 ? "none" : string.Join(", ", Names);
                    var shown = string.Join(", ", unknown.Take(10).Select(Shorten)) + (unknown.Count > 10 ? $" and {unknown.Count - 10} more" : string.Empty);
                    throw context.Invalid($"{context.Method} does not take parameter(s) {shown}; it accepts{(path.Length == 0 ? string.Empty : " in " + path.TrimEnd('.'))}: {accepted}.");
                }
                return target;
            }
        }

        private static object? Convert(object value, Type type, Context context, string path, bool secret, int depth, int maxLength)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying.IsInstanceOfType(value))
            {
                if (value is string s) CheckLength(s, context, path, maxLength);
                return value;
            }
            OciException Wrong() => context.Invalid(
                $"Parameter '{path}' of {context.Method} must be {Describe(underlying)}; got {(secret ? $"a {value.GetType().Name} (its value is not shown: it may be secret)" : Shown(value))}.");

            try
            {
                if (underlying == typeof(string))
                {
                    if (value is not IConvertible c || c.GetTypeCode() == TypeCode.Object) throw Wrong();
                    var text = System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    CheckLength(text, context, path, maxLength);
                    return text;
                }
                if (underlying == typeof(bool))
                {
                    if (value is string b && bool.TryParse(b.Trim(), out var parsed)) return parsed;
                    throw Wrong();
                }
                if (underlying.IsEnum)
                {
                    if (value is string name && !int.TryParse(name, out _))
                    {
                        // "not-running", "on_failure" and "NotRunning" all name NotRunning / OnFailure.
                        var bare = name.Trim().Replace("-", string.Empty).Replace("_", string.Empty);
                        var match = Enum.GetNames(underlying).FirstOrDefault(n => string.Equals(n, bare, StringComparison.OrdinalIgnoreCase));
                        if (match is null) throw context.Invalid($"Parameter '{path}' of {context.Method} must be one of {string.Join(", ", Enum.GetNames(underlying))}; got {(secret ? "another value" : Shown(value))}.");
                        return Enum.Parse(underlying, match);
                    }
                    var number = System.Convert.ChangeType(value, Enum.GetUnderlyingType(underlying), CultureInfo.InvariantCulture);
                    if (!Enum.IsDefined(underlying, number)) throw Wrong();
                    return Enum.ToObject(underlying, number);
                }
                if (underlying == typeof(TimeSpan))
                {
                    if (value is string ts && TimeSpan.TryParse(ts, CultureInfo.InvariantCulture, out var span) && ts.IndexOf(':') >= 0) return span;
                    return TimeSpan.FromSeconds(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
                }
                if (underlying == typeof(DateTimeOffset))
                {
                    switch (value)
                    {
                        case DateTime dt: return new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt);
                        case string ds when DateTimeOffset.TryParse(ds, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto): return dto;
                        case string: throw Wrong();
                        default: return DateTimeOffset.FromUnixTimeSeconds(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    }
                }
                if (underlying.IsPrimitive || underlying == typeof(decimal))
                {
                    if (value is not IConvertible c || c.GetTypeCode() is TypeCode.Object or TypeCode.Boolean or TypeCode.DateTime) throw Wrong();
                    return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
                }
                if (DictionaryValueType(underlying) is { } valueType)
                    return ToDictionary(value, valueType, context, path, secret, depth, maxLength, Wrong);
                if (ElementType(underlying) is { } elementType)
                    return ToList(value, underlying, elementType, context, path, secret, depth, maxLength);
                if (underlying.IsClass && underlying.GetConstructor(Type.EmptyTypes) is not null && value is IDictionary nested)
                    return ShapeOf(underlying).Bind(Pairs(nested), context, path + ".", depth + 1, secret);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                throw Wrong();
            }
            throw Wrong();
        }

        private static object ToList(object value, Type listType, Type elementType, Context context, string path, bool secret, int depth, int maxLength)
        {
            if (depth >= MaxDepth) throw context.Invalid($"Parameters of {context.Method} nest deeper than {MaxDepth} levels at '{path}'.");
            var items = value is IEnumerable e and not string and not IDictionary ? e.Cast<object?>() : new[] { value };
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            var i = 0;
            foreach (var item in items)
            {
                if (i >= MaxItems) throw context.Invalid($"Parameter '{path}' of {context.Method} has more than {MaxItems} items.");
                var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (item is null) throw context.Invalid($"Parameter '{itemPath}' of {context.Method} is null; give a value.");
                list.Add(Convert(item, elementType, context, itemPath, secret, depth + 1, maxLength));
                i++;
            }
            if (!listType.IsArray) return list;
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        private static object ToDictionary(object value, Type valueType, Context context, string path, bool secret, int depth, int maxLength, Func<OciException> wrong)
        {
            if (value is not IDictionary source) throw wrong();
            if (depth >= MaxDepth) throw context.Invalid($"Parameters of {context.Method} nest deeper than {MaxDepth} levels at '{path}'.");
            if (source.Count > MaxItems) throw context.Invalid($"Parameter '{path}' of {context.Method} has more than {MaxItems} entries.");
            var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
            foreach (DictionaryEntry entry in source)
            {
                var key = System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(key)) throw context.Invalid($"Parameter '{path}' of {context.Method} has an empty key.");
                CheckLength(key!, context, path, OciLimits.MaxStringLength);
                var entryPath = path + "[" + Shorten(key!) + "]";
                if (entry.Value is null) throw context.Invalid($"Parameter '{entryPath}' of {context.Method} is null; give a value.");
                if (result.Contains(key!)) throw context.Invalid($"Parameter '{path}' of {context.Method} has the key '{Shorten(key!)}' twice.");
                // An entry whose key looks secret (an environment's DB_PASSWORD) is as secret as a credential.
                result[key!] = Convert(entry.Value, valueType, context, entryPath, secret || Secrets.IsSecretName(key!), depth + 1, maxLength);
            }
            return result;
        }

        private static IEnumerable<KeyValuePair<string, object?>> Pairs(IDictionary dictionary)
        {
            foreach (DictionaryEntry e in dictionary)
                yield return new KeyValuePair<string, object?>(System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, e.Value);
        }

        /// <summary>The value type of IReadOnlyDictionary/IDictionary/Dictionary&lt;string, V&gt;; null for other types.</summary>
        private static Type? DictionaryValueType(Type type)
        {
            if (!type.IsGenericType) return null;
            var definition = type.GetGenericTypeDefinition();
            if (definition != typeof(IReadOnlyDictionary<,>) && definition != typeof(IDictionary<,>) && definition != typeof(Dictionary<,>)) return null;
            var args = type.GetGenericArguments();
            return args[0] == typeof(string) ? args[1] : null;
        }

        /// <summary>The element type of T[], List, IList, IReadOnlyList, IReadOnlyCollection or IEnumerable of T; null for other types.</summary>
        private static Type? ElementType(Type type)
        {
            if (type.IsArray) return type.GetElementType();
            if (!type.IsGenericType || type == typeof(string)) return null;
            var definition = type.GetGenericTypeDefinition();
            return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                   || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>)
                ? type.GetGenericArguments()[0]
                : null;
        }

        private static void CheckLength(string text, Context context, string path, int maxLength)
        {
            if (text.Length > maxLength)
                throw context.Invalid($"Parameter '{path}' of {context.Method} is {text.Length} characters long; at most {maxLength} are accepted.");
        }

        private static string Describe(Type type)
        {
            if (type == typeof(string)) return "a string";
            if (type == typeof(bool)) return "a boolean ($true or $false)";
            if (type == typeof(TimeSpan)) return "a time span (seconds, or hh:mm:ss)";
            if (type == typeof(DateTimeOffset)) return "a date and time";
            if (type == typeof(OciRegistryCredential)) return "an OciRegistryCredential (a PSCredential in PowerShell)";
            if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type));
            if (type.IsPrimitive || type == typeof(decimal)) return "a number (" + type.Name + ")";
            if (DictionaryValueType(type) is { } v) return "a dictionary of " + Describe(v) + " values";
            if (ElementType(type) is { } e) return "a list of " + Describe(e).Replace("a ", string.Empty).Replace("an ", string.Empty);
            return "a dictionary of " + type.Name + " fields (" + string.Join(", ", ShapeOf(type).Names) + ")";
        }

        private static string Shown(object value)
        {
            if (value is IDictionary) return "a dictionary";
            if (value is IEnumerable and not string) return "a list";
            return "'" + Shorten(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) + "' (" + value.GetType().Name + ")";
        }

        private static string Shorten(string text) => text.Length > 100 ? text.Substring(0, 100) + "…" : text;
    }
}
