using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>What happened when discovery tried one candidate.</summary>
    public sealed class OciEndpointAttempt
    {
        internal OciEndpointAttempt(OciEndpointCandidate candidate, bool probed, TimeSpan elapsed, string? driver, string? engine, OciErrorKind? failureKind, string? failure)
        {
            Candidate = candidate;
            Probed = probed;
            Elapsed = elapsed;
            Driver = driver;
            Engine = engine;
            FailureKind = failureKind;
            Failure = failure;
        }

        public OciEndpointCandidate Candidate { get; }

        /// <summary>True when the engine answered and a client was connected.</summary>
        public bool Succeeded => FailureKind is null;

        /// <summary>False when the candidate was passed over without contacting anything (no socket file, a broken context, a scheme no driver reaches).</summary>
        public bool Probed { get; }

        /// <summary>How long the attempt took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The driver that connected (or was tried).</summary>
        public string? Driver { get; }

        /// <summary>The engine that answered (<c>Docker</c>, <c>Podman</c>).</summary>
        public string? Engine { get; }

        /// <summary>The kind of failure; null on success.</summary>
        public OciErrorKind? FailureKind { get; }

        /// <summary>Why the candidate did not answer; null on success.</summary>
        public string? Failure { get; }

        public override string ToString() =>
            Candidate.SourceDescription + " " + (Candidate.Endpoint?.ToString() ?? Candidate.EndpointText ?? "(no endpoint)") + ": "
            + (Succeeded ? $"{Engine} answered ({Driver} driver)" : Failure);
    }

    /// <summary>The connected client, the candidate that answered, and every attempt before it.</summary>
    public sealed class OciDiscoveryResult
    {
        internal OciDiscoveryResult(OciClient client, OciEndpointCandidate candidate, IReadOnlyList<OciEndpointAttempt> attempts)
        {
            Client = client;
            Candidate = candidate;
            Attempts = attempts;
        }

        /// <summary>The client connected to the first candidate that answered; the caller disposes it.</summary>
        public OciClient Client { get; }

        /// <summary>The candidate that answered.</summary>
        public OciEndpointCandidate Candidate { get; }

        /// <summary>Every attempt in order, the successful one last.</summary>
        public IReadOnlyList<OciEndpointAttempt> Attempts { get; }

        public override string ToString() => $"{Client.Connection.Engine} at {Candidate.Endpoint} ({Candidate.SourceDescription})";
    }

    /// <summary>No candidate answered: the message lists every place tried, where it came from and why it failed.</summary>
    public sealed class OciDiscoveryException : OciException
    {
        internal OciDiscoveryException(OciErrorKind kind, string message, string? target, IReadOnlyList<OciEndpointAttempt> attempts)
            : base(kind, message, target)
        {
            Attempts = attempts;
        }

        /// <summary>Every attempt, in order.</summary>
        public IReadOnlyList<OciEndpointAttempt> Attempts { get; }
    }
}
