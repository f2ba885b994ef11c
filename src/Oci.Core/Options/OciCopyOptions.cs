namespace Oci
{
    /// <summary>Which way COPY copies.</summary>
    public enum OciCopyDirection
    {
        /// <summary>From the local file system into the container.</summary>
        IntoContainer,
        /// <summary>From the container to the local file system.</summary>
        OutOfContainer,
    }

    /// <summary>
    /// Options of COPY (the request's target is the container), as docker cp: a file or folder is copied to
    /// <see cref="Destination"/>; when that is an existing folder, into it under its own name, else as that name (its
    /// parent must exist). The answer's data is the number of bytes of file content copied.
    /// </summary>
    public sealed class OciCopyOptions
    {
        public OciCopyDirection Direction { get; set; }

        /// <summary>The path copied: local for <see cref="OciCopyDirection.IntoContainer"/>, in the container otherwise (absolute).</summary>
        public string? Source { get; set; }

        /// <summary>Where it goes: in the container for <see cref="OciCopyDirection.IntoContainer"/> (absolute), local otherwise.</summary>
        public string? Destination { get; set; }
    }
}
