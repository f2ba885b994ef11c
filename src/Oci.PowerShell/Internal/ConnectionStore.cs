using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The connections of one session. One store per runspace, keyed weakly by the <see cref="Runspace"/> (not a
    /// process-wide static), so two runspaces of one process never see or close each other's connections; a store
    /// goes away with its runspace, and closing the runspace closes its connections. Thread-safe: a connection handed
    /// to another runspace may be disconnected there, which removes it from the store it belongs to.
    /// </summary>
    internal sealed class ConnectionStore
    {
        private static readonly ConditionalWeakTable<Runspace, ConnectionStore> Stores = new();
        // Only used when a cmdlet runs on a thread without a default runspace (unusual hosts).
        private static readonly ConnectionStore NoRunspace = new();

        private readonly object _gate = new();
        private readonly List<OciConnection> _connections = new();
        private OciConnection? _default;
        private int _counter;

        /// <summary>The store of the runspace the calling pipeline thread runs in, created on first use.</summary>
        public static ConnectionStore Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace is null ? NoRunspace : Stores.GetValue(runspace, Create);
            }
        }

        /// <summary>Closes every connection of the current runspace (Remove-Module).</summary>
        public static void CloseCurrent()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is null) NoRunspace.CloseAll();
            else if (Stores.TryGetValue(runspace, out var store)) store.CloseAll();
        }

        private static ConnectionStore Create(Runspace runspace)
        {
            var store = new ConnectionStore();
            // The handler holds the store, not the runspace, so the weak table can still drop both.
            runspace.StateChanged += (_, e) =>
            {
                if (e.RunspaceStateInfo.State is RunspaceState.Closing or RunspaceState.Closed or RunspaceState.Broken)
                    store.CloseAll();
            };
            return store;
        }

        /// <summary>The session default, if any.</summary>
        public OciConnection? Default
        {
            get { lock (_gate) return _default; }
        }

        /// <summary>The connections in the order they were made.</summary>
        public IReadOnlyList<OciConnection> Snapshot()
        {
            lock (_gate) return _connections.ToArray();
        }

        public bool Contains(string name)
        {
            lock (_gate) return _connections.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The next free automatic name: <c>oci1</c>, <c>oci2</c>, ... never reused within the session.</summary>
        public string NextName()
        {
            lock (_gate)
            {
                while (true)
                {
                    var name = "oci" + (++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!_connections.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))) return name;
                }
            }
        }

        /// <summary>Adds <paramref name="connection"/> and makes it the default; false when its name is taken.</summary>
        public bool TryAdd(OciConnection connection)
        {
            lock (_gate)
            {
                if (_connections.Any(c => string.Equals(c.Name, connection.Name, StringComparison.OrdinalIgnoreCase))) return false;
                _connections.Add(connection);
                _default = connection;
                return true;
            }
        }

        /// <summary>Drops <paramref name="connection"/>; when it was the default, the session has no default any more.</summary>
        public void Remove(OciConnection connection)
        {
            lock (_gate)
            {
                _connections.Remove(connection);
                if (ReferenceEquals(_default, connection)) _default = null;
            }
        }

        public void CloseAll()
        {
            OciConnection[] all;
            lock (_gate)
            {
                all = _connections.ToArray();
            }
            foreach (var c in all)
            {
                try { c.Close(); }
                catch (Exception) { /* closing is best effort: a failing transport must not fail Remove-Module */ }
            }
        }
    }
}
