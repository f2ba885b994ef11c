using System;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// Forwards each progress event, synchronously and in order, to <see cref="PipelinePump.Post"/> so it is handled
    /// on the pipeline thread. (System.Progress&lt;T&gt; would post to the thread pool and reorder.) Generic so that
    /// this type mentions no Oci.Core type until used.
    /// </summary>
    internal sealed class PumpProgress<T> : IProgress<T>
    {
        private readonly PipelinePump _pump;
        private readonly Action<T> _handler;

        public PumpProgress(PipelinePump pump, Action<T> handler)
        {
            _pump = pump;
            _handler = handler;
        }

        public void Report(T value) => _pump.Post(() => _handler(value));
    }
}
