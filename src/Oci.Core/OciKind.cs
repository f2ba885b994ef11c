namespace Oci
{
    /// <summary>What a request acts on. A driver serves (kind, method) pairs: LIST of images and LIST of containers are different handlers.</summary>
    public enum OciKind
    {
        /// <summary>An image, named by a reference or an image id.</summary>
        Image,
        /// <summary>A container, named by its id or name.</summary>
        Container,
        /// <summary>The engine itself (PING, VERSION, INFO).</summary>
        Engine,
        /// <summary>A volume, named by its name.</summary>
        Volume,
        /// <summary>A network, named by its id or name.</summary>
        Network,
        /// <summary>A registry, named by its host[:port] (LOGIN, LOGOUT).</summary>
        Registry,
    }
}
