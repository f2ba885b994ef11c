using System.Collections.Generic;

namespace Oci
{
    /// <summary>
    /// Options of LIST on containers. Filters of one kind match any of their values; filters of different kinds must all
    /// match. The request's target, if any, is one more <see cref="Name"/> filter.
    /// </summary>
    public sealed class OciContainerListOptions
    {
        /// <summary>Include containers that do not run (docker ps --all).</summary>
        public bool All { get; set; }

        /// <summary>Labels the container has: <c>key</c> or <c>key=value</c>.</summary>
        public IReadOnlyList<string>? Label { get; set; }

        /// <summary>
        /// States: the OCI words (<c>created</c>, <c>running</c>, <c>paused</c>, <c>stopped</c>) or the engines'
        /// (<c>exited</c>, <c>dead</c>, <c>restarting</c>, <c>removing</c>). A state filter implies <see cref="All"/>.
        /// </summary>
        public IReadOnlyList<string>? Status { get; set; }

        /// <summary>Names: a regular expression matched against the name (without a leading slash), as the engines do.</summary>
        public IReadOnlyList<string>? Name { get; set; }

        /// <summary>Images the containers were created from: a reference (<c>repo</c>, <c>repo:tag</c>) or an image id.</summary>
        public IReadOnlyList<string>? Ancestor { get; set; }
    }
}
