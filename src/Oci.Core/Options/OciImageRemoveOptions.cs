namespace Oci
{
    /// <summary>Options of REMOVE on images (parameters <c>force</c>, <c>noPrune</c>).</summary>
    public sealed class OciImageRemoveOptions
    {
        /// <summary>Remove the image even when containers use it or it has several tags.</summary>
        public bool Force { get; set; }

        /// <summary>Keep untagged parent images.</summary>
        public bool NoPrune { get; set; }
    }
}
