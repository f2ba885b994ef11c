using System;
using System.IO;

namespace Oci.Transport.Ssh
{
    /// <summary>
    /// An ssh connection failed, classified by what ssh said: a refused login, an unknown or changed host key, nothing
    /// listening, a remote without an engine CLI, or the connection ending midway. The HTTP layer sees an
    /// <see cref="IOException"/>; the driver's error mapping finds this inside and keeps its kind and words.
    /// </summary>
    internal sealed class SshTransportException : IOException
    {
        public SshTransportException(OciErrorKind kind, string why, Exception? inner = null)
            : base(why, inner)
        {
            Kind = kind;
            Why = why;
        }

        /// <summary>The kind the failure maps to (Unauthorized, EngineUnavailable, Unsupported).</summary>
        public OciErrorKind Kind { get; }

        /// <summary>What went wrong and how to fix it, in words for people (never a secret: ssh is not given any).</summary>
        public string Why { get; }
    }
}
