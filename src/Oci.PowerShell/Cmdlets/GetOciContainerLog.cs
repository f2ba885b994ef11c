using System;
using System.Management.Automation;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Gets the lines containers wrote, stdout and stderr apart, like docker logs; -Follow streams them as they come.</para>
    /// </summary>
    /// <remarks>With -Follow the lines go down the pipeline as they are written, until the container stops or Ctrl+C.</remarks>
    [Cmdlet(VerbsCommon.Get, "OciContainerLog")]
    [OutputType(typeof(OciLogLine))]
    public sealed class GetOciContainerLog : ContainerCmdletBase
    {
        /// <summary>Go on writing lines as they come until the container stops (or Ctrl+C).</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>Only the last this many lines.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Tail { get; set; }

        /// <summary>Only lines written at or after this time.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Add when each line was written (the Timestamp property).</summary>
        [Parameter]
        public SwitchParameter Timestamps { get; set; }

        /// <summary>Which stream: All (default), Stdout or Stderr.</summary>
        [Parameter]
        [ValidateSet("All", "Stdout", "Stderr")]
        public string Stream { get; set; } = "All";

        protected override void ProcessRecord()
        {
            var options = new OciContainerLogOptions
            {
                Follow = Follow,
                Tail = Tail,
                Since = Since is { } since ? new DateTimeOffset(since.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(since, DateTimeKind.Local) : since) : null,
                Timestamps = Timestamps,
                Stdout = !Stream.Equals("Stderr", StringComparison.OrdinalIgnoreCase),
                Stderr = !Stream.Equals("Stdout", StringComparison.OrdinalIgnoreCase),
            };
            foreach (var (target, c) in Targets())
            {
                var request = OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, target, options);
                InvokeStream<OciLogLine>((onItem, ct) => c.Client.ForEachAsync(request, onItem, cancellationToken: ct), line => Emit(line, c), target, terminating: false, OciKind.Container);
            }
        }
    }
}
