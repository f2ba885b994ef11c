using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;

namespace Oci.PowerShell.Internal
{
    /// <summary>
    /// Write-Progress for one image pull (or push, save, load): a parent bar for the image and a child bar per layer (ParentActivityId).
    /// Runs on the pipeline thread only (events arrive through <see cref="PipelinePump"/>). A bar is written at most
    /// every <see cref="Interval"/> while its state is unchanged (a fast pull does not flood the host); new bars,
    /// phase changes and completions are written at once, and updates held back are flushed by <see cref="Tick"/>.
    /// <see cref="CompleteAll"/> closes every open bar, so none is left behind.
    /// </summary>
    internal sealed class PullProgressView
    {
        /// <summary>The minimum time between two writes of the same bar with no state change (~10 per second).</summary>
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

        // Activity ids come from one process-wide sequence in a range unlikely to meet a script's own Write-Progress -Id.
        private static int _nextActivityId = 0x4F430000;

        private readonly Cmdlet _cmdlet;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Bar _image;
        private readonly Dictionary<string, Bar> _layers = new(StringComparer.Ordinal);
        private readonly List<Bar> _order = new();

        public PullProgressView(Cmdlet cmdlet, string reference, string activity = "Pulling")
        {
            _cmdlet = cmdlet;
            _image = new Bar(NextId(), -1, $"{activity} {reference}", "Starting");
            Write(_image, force: true);
        }

        /// <summary>The parent bar's activity id.</summary>
        public int ActivityId => _image.Record.ActivityId;

        /// <summary>Records written so far (diagnostics).</summary>
        public int Written { get; private set; }

        public void OnProgress(OciProgress progress)
        {
            if (progress.LayerId is null && progress.Current is long bytes && !progress.IsComplete)
            {
                // A whole archive's bytes (save, load): one bar, in bytes.
                _image.SetStatus(progress.Total is long all && all > 0 ? Describe(progress) : $"{Text(progress.Status, "Copying")} {Size(bytes)}");
                _image.Record.PercentComplete = progress.PercentComplete ?? -1;
                Write(_image, force: false);
                return;
            }
            if (progress.LayerId is null)
            {
                // Image-wide: "Pulling from ...", "Digest: ...", the closing status.
                var changed = _image.SetStatus(Text(progress.Status, "Pulling"));
                Write(_image, force: changed && progress.IsComplete);
                return;
            }
            if (!_layers.TryGetValue(progress.LayerId, out var layer))
            {
                layer = new Bar(NextId(), _image.Record.ActivityId, $"Layer {progress.LayerId}", "Waiting");
                _layers.Add(progress.LayerId, layer);
                _order.Add(layer);
            }
            if (layer.Done) return;
            var phaseChanged = layer.Phase != (int)progress.Phase || layer.Writes == 0;
            layer.Phase = (int)progress.Phase;
            layer.Fraction = Fraction(progress);
            layer.SetStatus(Describe(progress));
            layer.Record.PercentComplete = progress.IsComplete ? 100 : progress.PercentComplete ?? -1;
            if (progress.IsComplete)
            {
                layer.Record.RecordType = ProgressRecordType.Completed;
                layer.Done = true;
            }
            Write(layer, force: phaseChanged || layer.Done);
            UpdateImage(force: layer.Done);
        }

        /// <summary>Writes held-back updates whose interval has passed.</summary>
        public void Tick()
        {
            foreach (var layer in _order)
                if (layer.Dirty && !layer.Done) Write(layer, force: false);
            if (_image.Dirty) Write(_image, force: false);
        }

        /// <summary>Completes every open bar: the layers, then the image. Best effort when the pipeline is stopping.</summary>
        public void CompleteAll(string? finalStatus = null)
        {
            try
            {
                foreach (var layer in _order)
                {
                    if (layer.Done) continue;
                    layer.Done = true;
                    layer.Record.RecordType = ProgressRecordType.Completed;
                    Write(layer, force: true);
                }
                if (!_image.Done)
                {
                    _image.Done = true;
                    if (finalStatus is not null) _image.SetStatus(finalStatus);
                    _image.Record.PercentComplete = 100;
                    _image.Record.RecordType = ProgressRecordType.Completed;
                    Write(_image, force: true);
                }
            }
            catch (PipelineStoppedException)
            {
                // Stopping: PowerShell refuses every write once the pipeline is stopping (so no Completed records
                // can follow Ctrl+C); hosts drop the progress display of a stopped pipeline themselves.
            }
        }

        private void UpdateImage(bool force)
        {
            if (_layers.Count == 0) return;
            double sum = 0;
            var done = 0;
            foreach (var layer in _order)
            {
                sum += layer.Fraction;
                if (layer.Done) done++;
            }
            _image.Record.PercentComplete = (int)Math.Min(100, Math.Floor(sum * 100 / _layers.Count));
            _image.SetStatus(string.Format(CultureInfo.InvariantCulture, "{0} of {1} layers complete", done, _layers.Count));
            Write(_image, force);
        }

        private void Write(Bar bar, bool force)
        {
            var now = _clock.Elapsed;
            if (!force && bar.Writes > 0 && now - bar.LastWrite < Interval)
            {
                bar.Dirty = true;
                return;
            }
            _cmdlet.WriteProgress(bar.Record);
            bar.LastWrite = now;
            bar.Dirty = false;
            bar.Writes++;
            Written++;
        }

        // Weight of a layer in the image bar: download 0-70 %, extraction 70-100 %.
        private static double Fraction(OciProgress p)
        {
            var pct = (p.PercentComplete ?? 0) / 100.0;
            return p.Phase switch
            {
                OciProgressPhase.Downloading => 0.7 * pct,
                OciProgressPhase.Verifying => 0.7,
                OciProgressPhase.Extracting => 0.7 + 0.3 * pct,
                OciProgressPhase.Uploading => pct,
                OciProgressPhase.Complete => 1.0,
                _ => 0.0,
            };
        }

        private static string Describe(OciProgress p)
        {
            var status = Text(p.Status, p.Phase.ToString());
            if (p.Current is long current && p.Total is long total && total > 0)
                return string.Format(CultureInfo.InvariantCulture, "{0} {1} / {2}", status, Size(current), Size(total));
            return status;
        }

        private static string Size(long bytes)
        {
            string[] units = { "B", "kB", "MB", "GB", "TB" };
            double value = bytes;
            var unit = 0;
            while (value >= 1000 && unit < units.Length - 1)
            {
                value /= 1000;
                unit++;
            }
            return unit == 0
                ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
                : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
        }

        // ProgressRecord refuses empty activity and status text.
        private static string Text(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value!;

        private static int NextId()
        {
            var id = Interlocked.Increment(ref _nextActivityId);
            if (id <= 0) id = Interlocked.Exchange(ref _nextActivityId, 0x4F430000); // wrapped: start over
            return id;
        }

        private sealed class Bar
        {
            public Bar(int id, int parentId, string activity, string status)
            {
                Record = new ProgressRecord(id, activity, status) { ParentActivityId = parentId };
            }

            public ProgressRecord Record { get; }
            // int, not OciProgressPhase: a field of an Oci.Core value type would make loading this type load Oci.Core.
            public int Phase { get; set; } = -1;
            public double Fraction { get; set; }
            public bool Done { get; set; }
            public bool Dirty { get; set; }
            public int Writes { get; set; }
            public TimeSpan LastWrite { get; set; }

            public bool SetStatus(string status)
            {
                if (status == Record.StatusDescription) return false;
                Record.StatusDescription = status;
                Dirty = true;
                return true;
            }
        }
    }
}
