namespace Oci
{
    /// <summary>Options of a pull.</summary>
    public sealed class OciPullOptions
    {
        /// <summary>The platform to pull, <c>os[/arch[/variant]]</c> (e.g. <c>linux/amd64</c>); null = the engine's own.</summary>
        public string? Platform { get; set; }
    }
}
