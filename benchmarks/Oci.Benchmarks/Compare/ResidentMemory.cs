using System;
using System.IO;
using System.Threading;

namespace Oci.Benchmarks.Compare
{
    /// <summary>
    /// A process's resident set while a case runs, read from <c>/proc/&lt;pid&gt;/status</c> every few milliseconds on a thread
    /// of its own: the peak above where it stood at the start (<c>VmRSS</c>, for a process that outlives the case) and the
    /// process's own high-water mark (<c>VmHWM</c>, for a child started for the case). Zero where /proc is missing.
    /// </summary>
    public sealed class ResidentMemory : IDisposable
    {
        private readonly string _status;
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        private ResidentMemory(int pid)
        {
            _status = $"/proc/{pid}/status";
            Start = Read("VmRSS:");
            _peak = Start;
            _thread = new Thread(Sample) { IsBackground = true, Name = "rss " + pid };
            _thread.Start();
        }

        /// <summary>Starts watching process <paramref name="pid"/>.</summary>
        public static ResidentMemory Watch(int pid) => new(pid);

        /// <summary>The resident set when watching began (bytes).</summary>
        public long Start { get; }

        /// <summary>The highest resident set seen so far (bytes).</summary>
        public long Peak => Interlocked.Read(ref _peak);

        /// <summary>How far the resident set rose above <see cref="Start"/>.</summary>
        public long Rise => Math.Max(0, Peak - Start);

        /// <summary>The process's own peak resident set (VmHWM) as of the last sample: a child's peak, read before it ends.</summary>
        public long HighWater { get; private set; }

        private void Sample()
        {
            while (!_stop)
            {
                var rss = Read("VmRSS:");
                if (rss > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, rss);
                var hwm = Read("VmHWM:");
                if (hwm > HighWater) HighWater = hwm;
                Thread.Sleep(5);
            }
        }

        /// <summary>One last sample (call it before a child is killed), then stops.</summary>
        public void Dispose()
        {
            if (_stop) return;
            var hwm = Read("VmHWM:");
            if (hwm > HighWater) HighWater = hwm;
            _stop = true;
            _thread.Join();
        }

        private long Read(string field)
        {
            try
            {
                foreach (var line in File.ReadLines(_status))
                {
                    if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                    var kb = line.Substring(field.Length).Trim().Split(' ')[0];
                    return long.Parse(kb) * 1024;
                }
            }
            catch (IOException)
            {
                // the process ended between samples
            }
            catch (UnauthorizedAccessException)
            {
            }
            return 0;
        }
    }
}
