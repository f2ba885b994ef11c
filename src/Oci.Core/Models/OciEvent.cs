using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>One event of the engine's event stream (EVENTS): what happened (<see cref="Action"/>) to what (<see cref="Type"/>, <see cref="ActorId"/>), when.</summary>
    public sealed class OciEvent
    {
        /// <summary>What the event is about: <c>container</c>, <c>image</c>, <c>volume</c>, <c>network</c>, ...</summary>
        public string Type { get; init; } = string.Empty;

        /// <summary>What happened: <c>create</c>, <c>start</c>, <c>die</c>, <c>pull</c>, <c>tag</c>, ...</summary>
        public string Action { get; init; } = string.Empty;

        /// <summary>The id of the thing it happened to (a container id, an image reference, a volume name, ...).</summary>
        public string ActorId { get; init; } = string.Empty;

        /// <summary>The actor's attributes (<c>name</c>, <c>image</c>, <c>exitCode</c>, labels, ...).</summary>
        public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

        /// <summary>When it happened (to the nanosecond where the engine says).</summary>
        public DateTimeOffset Time { get; init; }

        /// <summary><c>local</c> or <c>swarm</c>, where the engine says.</summary>
        public string? Scope { get; init; }

        public override string ToString() => $"{Time:yyyy-MM-ddTHH:mm:ss.fffZ} {Type} {Action} {ActorId}";
    }
}
