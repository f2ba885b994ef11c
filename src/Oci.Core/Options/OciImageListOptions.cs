namespace Oci
{
    /// <summary>Options of LIST on images (parameter <c>all</c>); the request's target, if any, filters by reference (wildcards allowed).</summary>
    public sealed class OciImageListOptions
    {
        /// <summary>Include intermediate images.</summary>
        public bool All { get; set; }
    }
}
