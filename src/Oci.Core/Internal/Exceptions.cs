using System;

namespace Oci
{
    internal static class Exceptions
    {
        /// <summary>The innermost exception: transports wrap the socket or TLS error that says what really failed.</summary>
        public static Exception Innermost(Exception e)
        {
            while (e.InnerException is not null) e = e.InnerException;
            return e;
        }
    }
}
