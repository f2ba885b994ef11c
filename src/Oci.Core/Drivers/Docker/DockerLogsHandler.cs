using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>LOGS: the container's lines as they come, stdout and stderr apart; with follow, until the container stops or the caller cancels.</summary>
    internal static class DockerLogsHandler
    {
        public static async IAsyncEnumerable<OciLogLine> LogsAsync(DockerConnection c, OciRequest request, OciContainerLogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            var query = Query(id, options);
            // Only a container without a TTY has its streams multiplexed (and apart); the CLI asks the same way.
            var tty = (await DockerContainerHandlers.InspectRawAsync(c, id, cancellationToken).ConfigureAwait(false)).Config?.Tty == true;
            using var response = await c.Http.OpenAsync(HttpMethod.Get, query, null, null, cancellationToken).ConfigureAwait(false);
            var stream = await Transport.ResponseContent.StreamAsync(response, cancellationToken).ConfigureAwait(false);
            using (stream)
            {
                // Without follow, tail is counted here, over the streams asked for: Podman counts both streams before it
                // leaves one out (tail 1 of stdout can be nothing), dockerd after.
                var last = options.Tail is { } tail && !options.Follow ? new Queue<OciLogLine>(Math.Min(tail, 4096) + 1) : null;
                var lines = new LogLineSplitter();
                await foreach (var (which, data) in LogFrames.ReadAsync(stream, !tty, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var line in lines.Add(which, data))
                    {
                        var item = ToLine(request.Target!, line.Stream, line.Line, options.Timestamps);
                        if (last is null) yield return item;
                        else Keep(last, item, options.Tail!.Value);
                    }
                }
                foreach (var line in lines.Flush())
                {
                    var item = ToLine(request.Target!, line.Stream, line.Line, options.Timestamps);
                    if (last is null) yield return item;
                    else Keep(last, item, options.Tail!.Value);
                }
                foreach (var item in last ?? new Queue<OciLogLine>()) yield return item;
            }
        }

        private static void Keep(Queue<OciLogLine> last, OciLogLine item, int tail)
        {
            last.Enqueue(item);
            while (last.Count > tail) last.Dequeue();
        }

        /// <summary>The logs query, checked before anything is sent (without follow, tail is applied by the caller).</summary>
        internal static string Query(string id, OciContainerLogOptions options)
        {
            if (!options.Stdout && !options.Stderr)
                throw new OciException(OciErrorKind.InvalidArgument, "LOGS needs stdout, stderr or both.", id);
            if (options.Tail is < 0)
                throw new OciException(OciErrorKind.InvalidArgument, $"tail must be 0 or more lines; got {options.Tail}.", options.Tail.Value.ToString(CultureInfo.InvariantCulture));
            var query = "containers/" + id + "/logs?stdout=" + DockerContainerHandlers.Flag(options.Stdout) + "&stderr=" + DockerContainerHandlers.Flag(options.Stderr)
                        + "&timestamps=" + DockerContainerHandlers.Flag(options.Timestamps) + "&follow=" + DockerContainerHandlers.Flag(options.Follow)
                        + "&tail=" + (options.Tail is { } tail && options.Follow ? tail.ToString(CultureInfo.InvariantCulture) : "all");
            if (options.Since is { } since)
            {
                // Unix seconds with the fraction, as both engines take it.
                var seconds = (since.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(0).UtcTicks) / (decimal)TimeSpan.TicksPerSecond;
                if (seconds < 0) throw new OciException(OciErrorKind.InvalidArgument, $"since must be after 1970; got {since:o}.", since.ToString("o", CultureInfo.InvariantCulture));
                query += "&since=" + seconds.ToString("0.#########", CultureInfo.InvariantCulture);
            }
            return query;
        }

        /// <summary>A line, its timestamp (RFC 3339, then one space) taken off the front when asked for.</summary>
        internal static OciLogLine ToLine(string container, OciLogStream stream, string text, bool timestamps)
        {
            DateTimeOffset? at = null;
            if (timestamps)
            {
                var space = text.IndexOf(' ');
                var stamp = space < 0 ? text : text.Substring(0, space);
                if (DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    at = parsed;
                    text = space < 0 ? string.Empty : text.Substring(space + 1);
                }
            }
            return new OciLogLine { Container = container, Stream = stream, Timestamp = at, Text = text };
        }
    }
}
