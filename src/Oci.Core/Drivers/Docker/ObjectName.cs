using System.Text.RegularExpressions;

namespace Oci.Drivers.Docker
{
    /// <summary>Validates the name or id of a volume or network before it reaches a URL path or a request body.</summary>
    internal static class ObjectName
    {
        // The engines' own rule for names ([a-zA-Z0-9][a-zA-Z0-9_.-]), which ids (hex) also follow.
        private static readonly Regex Pattern = new("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The request's target as a volume or network name or id; InvalidArgument naming it when it is not one.</summary>
        public static string Resolve(OciRequest request, bool required = true)
        {
            var what = request.Kind.ToString().ToLowerInvariant();
            var name = request.Target;
            if (string.IsNullOrWhiteSpace(name))
            {
                if (!required) return string.Empty;
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} needs a {what} name or id.", name);
            }
            if (!Pattern.IsMatch(name!))
                throw new OciException(OciErrorKind.InvalidArgument,
                    $"'{name}' is not a valid {what} name: use letters, digits and _ . - (starting with a letter or digit).", name);
            return name!;
        }
    }
}
