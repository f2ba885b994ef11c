namespace Oci
{
    /// <summary>What a request acts on.</summary>
    public enum OciKind
    {
        /// <summary>An image, named by a reference or an image id.</summary>
        Image,
        /// <summary>A container, named by its id or name.</summary>
        Container,
        /// <summary>The engine itself (PING, VERSION, INFO).</summary>
        Engine,
    }
}
