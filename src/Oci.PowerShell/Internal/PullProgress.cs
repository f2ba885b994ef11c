using System;
using System.Management.Automation;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// The progress of one core call that may report pull events (PULL, or any method through Invoke-OciRequest): the
    /// bars of a <see cref="PullProgressView"/>, created up front for a known reference or with the first event, fed on
    /// the pipeline thread through the pump.
    /// </summary>
    internal sealed class PullProgress
    {
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private PullProgressView? _view;

        /// <summary>Bars for a call on <paramref name="reference"/>; <paramref name="activity"/> titles them (Pulling, Pushing, Saving, Loading).</summary>
        public PullProgress(Cmdlet cmdlet, PipelinePump pump, string? reference = null, string activity = "Pulling")
        {
            _cmdlet = cmdlet;
            _activity = activity;
            if (reference is not null) _view = new PullProgressView(cmdlet, reference, activity);
            Sink = new PumpProgress<OciProgress>(pump, OnProgress);
        }

        /// <summary>What the core call reports to (any thread; handled on the pipeline thread).</summary>
        public IProgress<OciProgress> Sink { get; }

        public TimeSpan Interval => PullProgressView.Interval;

        public void Tick() => _view?.Tick();

        /// <summary>Closes every open bar with <paramref name="status"/>.</summary>
        public void Complete(string? status = null) => _view?.CompleteAll(status);

        private void OnProgress(OciProgress progress) => (_view ??= new PullProgressView(_cmdlet, progress.Reference, _activity)).OnProgress(progress);
    }
}
