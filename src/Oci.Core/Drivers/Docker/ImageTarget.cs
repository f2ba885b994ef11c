namespace Oci.Drivers.Docker
{
    /// <summary>Validates what a request names as its image before it reaches a URL path.</summary>
    internal static class ImageTarget
    {
        /// <summary>An image id (<c>sha256:…</c> or a hex prefix) as given, else the normalised reference.</summary>
        public static string Resolve(OciRequest request)
        {
            var raw = request.Target;
            if (string.IsNullOrWhiteSpace(raw))
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} needs an image reference or id.", raw);
            return ImageReference.IsImageId(raw!) ? raw! : ImageReference.Parse(raw!).ToString();
        }
    }
}
