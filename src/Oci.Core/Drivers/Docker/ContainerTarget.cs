using System;
using System.Text.RegularExpressions;

namespace Oci.Drivers.Docker
{
    /// <summary>Validates what a request names as its container (an id, a unique id prefix or a name) before it reaches a URL path.</summary>
    internal static class ContainerTarget
    {
        // Docker's name grammar ([a-zA-Z0-9][a-zA-Z0-9_.-]+), which also covers ids and id prefixes; a leading slash is Docker's own.
        private static readonly Regex Pattern = new("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]{0,253}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The container the request names, without a leading slash; InvalidArgument naming it when it is missing or malformed.</summary>
        public static string Resolve(OciRequest request)
        {
            var raw = request.Target;
            if (string.IsNullOrWhiteSpace(raw))
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} needs a container id or name.", raw);
            return Check(raw!, $"{request.Method}: '{Shown(raw!)}' is not a container id or name");
        }

        /// <summary>A name for a new container: the name grammar (at least two characters).</summary>
        public static string? CheckName(string? name)
        {
            if (name is null) return null;
            var checkedName = Check(name, $"'{Shown(name)}' is not a valid container name");
            if (checkedName.Length < 2)
                throw new OciException(OciErrorKind.InvalidArgument, $"'{name}' is not a valid container name: use at least two characters.", name);
            return checkedName;
        }

        private static string Check(string value, string what)
        {
            if (!Pattern.IsMatch(value))
                throw new OciException(OciErrorKind.InvalidArgument, what + ": use letters, digits and _ . - (starting with a letter or digit).", value);
            return value.TrimStart('/');
        }

        private static string Shown(string value) => value.Length > 100 ? value.Substring(0, 100) + "…" : value;

        /// <summary>An engine's container name without Docker's leading slash.</summary>
        public static string Bare(string? name) => name is null ? string.Empty : name.StartsWith("/", StringComparison.Ordinal) ? name.Substring(1) : name;
    }
}
