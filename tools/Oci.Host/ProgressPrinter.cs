using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;

namespace Oci.Host
{
    /// <summary>
    /// Renders progress records as plain lines (<c>activity: status 42%</c>) on a text writer. A
    /// layer of a pull can report hundreds of times a second, so each activity prints at most once
    /// a second, plus its first record and its completion (with the final status).
    /// </summary>
    public sealed class ProgressPrinter
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

        private readonly TextWriter _out;
        private readonly Dictionary<int, Entry> _activities = new();
        private readonly object _gate = new();

        public ProgressPrinter(TextWriter output) => _out = output;

        public void Write(ProgressRecord record)
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                if (record.RecordType == ProgressRecordType.Completed)
                {
                    // Only report completion of activities we showed, once; its final status says how it ended
                    // (a pull's "Downloaded newer image" or "Failed").
                    if (_activities.Remove(record.ActivityId, out _))
                        Print(record, string.IsNullOrWhiteSpace(record.StatusDescription) ? "done" : record.StatusDescription + " (done)");
                    return;
                }

                if (_activities.TryGetValue(record.ActivityId, out var entry))
                {
                    entry.Record = record;
                    if (Stopwatch.GetElapsedTime(entry.Printed, now) < Interval) { entry.Pending = true; return; }
                }
                else
                {
                    entry = new Entry { Record = record };
                    _activities[record.ActivityId] = entry;
                }
                entry.Printed = now;
                entry.Pending = false;
                Print(record, null);
            }
        }

        /// <summary>Prints the last state of activities that never completed (a stopped or failed run).</summary>
        public void Flush()
        {
            lock (_gate)
            {
                foreach (var e in _activities.Values)
                    if (e.Pending) Print(e.Record, null);
                _activities.Clear();
            }
        }

        private void Print(ProgressRecord r, string? suffix)
        {
            var line = $"{r.Activity}: {suffix ?? r.StatusDescription}";
            if (suffix is null && r.PercentComplete >= 0) line += $" {r.PercentComplete}%";
            _out.WriteLine(line);
        }

        private sealed class Entry
        {
            public ProgressRecord Record = null!;
            public long Printed;
            public bool Pending;
        }
    }
}
