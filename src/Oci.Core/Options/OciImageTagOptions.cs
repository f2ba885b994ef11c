namespace Oci
{
    /// <summary>Options of TAG on images (parameter <c>tag</c>): the request's target is the source image.</summary>
    public sealed class OciImageTagOptions
    {
        /// <summary>The new reference, <c>[registry/]repository[:tag]</c>.</summary>
        public string? Tag { get; set; }
    }
}
