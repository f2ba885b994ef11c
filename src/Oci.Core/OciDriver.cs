using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// A convenient base for drivers: a case-insensitive table of method → handler filled with <see cref="Handle(string, IOciHandler)"/>.
    /// Custom adapters may derive from it or implement <see cref="IOciDriver"/> directly.
    /// </summary>
    public abstract class OciDriver : IOciDriver
    {
        private readonly Dictionary<string, IOciHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

        public abstract string Name { get; }

        public abstract Task<IOciConnection> ConnectAsync(string endpoint, CancellationToken cancellationToken);

        public IOciHandler? Handler(string method) =>
            method is not null && _handlers.TryGetValue(method, out var h) ? h : null;

        /// <summary>The methods this driver serves.</summary>
        public IReadOnlyCollection<string> Methods => _handlers.Keys;

        /// <summary>Registers <paramref name="handler"/> for <paramref name="method"/>; call from the constructor only.</summary>
        protected void Handle(string method, IOciHandler handler)
        {
            if (handler is null) throw new ArgumentNullException(nameof(handler));
            _handlers.Add(OciMethods.Normalize(method), handler);
        }

        protected void Handle(string method, Func<OciRequest, CancellationToken, Task<OciResponse>> serve) =>
            Handle(method, new OciHandlerFunc(serve));

        public override string ToString() => Name;
    }
}
