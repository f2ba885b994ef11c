using System;
using System.Collections.Generic;
using System.Threading;

namespace Oci.Conformance
{
    /// <summary>
    /// Records progress events as they are reported (synchronously, unlike <see cref="Progress{T}"/>, which posts to
    /// the thread pool and may reorder), noting whether two reports ever overlapped.
    /// </summary>
    public sealed class RecordingProgress : IProgress<OciProgress>
    {
        private readonly object _gate = new();
        private readonly List<OciProgress> _events = new();
        private readonly Action<OciProgress>? _on;
        private int _inside;

        public RecordingProgress(Action<OciProgress>? on = null) => _on = on;

        /// <summary>True when a report started while another was still running (events must arrive one at a time).</summary>
        public bool Overlapped { get; private set; }

        /// <summary>A snapshot of the events so far, in the order they arrived.</summary>
        public IReadOnlyList<OciProgress> Events
        {
            get
            {
                lock (_gate) return _events.ToArray();
            }
        }

        public void Report(OciProgress value)
        {
            if (Interlocked.Increment(ref _inside) != 1) Overlapped = true;
            try
            {
                lock (_gate) _events.Add(value);
                _on?.Invoke(value);
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }
    }
}
