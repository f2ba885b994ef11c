using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// RUN: create, start, read the output until the container exits, take its exit code, and remove it unless asked to
    /// keep it. The create is never interrupted, so the container is always known; from then on any failure or
    /// cancellation removes it (forced, with a bound of its own), so a run cancelled midway leaves nothing behind.
    /// </summary>
    internal static class DockerRunHandler
    {
        /// <summary>How long removing a container after a failed or cancelled run may take.</summary>
        private static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(30);

        public static async Task<OciResponse> RunAsync(DockerConnection c, OciRequest request, OciRunOptions options, CancellationToken cancellationToken)
        {
            // The engine's auto-remove would take the logs with the container: RUN removes it itself.
            var (image, reference, name, body) = ContainerSpecMapper.Build(request, options, autoRemove: false);
            var created = await DockerContainerHandlers.CreateAsync(c, request, image, reference, name, body, options.PullPolicy, cancellationToken, CancellationToken.None).ConfigureAwait(false);
            var id = created.Id!;
            byte[] stdout, stderr;
            int code;
            string container;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (var started = await c.Http.OpenAsync(HttpMethod.Post, "containers/" + id + "/start", null, null, cancellationToken).ConfigureAwait(false))
                {
                }
                // The logs, followed from the start, end when the container stops; the engine keeps them, so nothing is missed.
                using (var response = await c.Http.OpenAsync(HttpMethod.Get, "containers/" + id + "/logs?stdout=1&stderr=1&follow=1", null, null, cancellationToken).ConfigureAwait(false))
                {
                    var stream = await Transport.ResponseContent.StreamAsync(response, cancellationToken).ConfigureAwait(false);
                    using (stream)
                        (stdout, stderr) = await LogFrames.CollectAsync(stream, multiplexed: true, cancellationToken).ConfigureAwait(false);
                }
                code = await DockerContainerHandlers.WaitAsync(c, id, OciWaitCondition.NotRunning, cancellationToken).ConfigureAwait(false);
                container = (await DockerContainerHandlers.InspectAsync(c, id, cancellationToken).ConfigureAwait(false)).Name;
            }
            catch
            {
                await RemoveQuietlyAsync(c, id).ConfigureAwait(false);
                throw;
            }
            if (!options.Keep)
                await c.Http.SendAsync(HttpMethod.Delete, "containers/" + id + "?force=1&v=1", null, CancellationToken.None).ConfigureAwait(false);
            return OciResponse.For(request, new OciRunResult
            {
                ContainerId = id,
                Name = container,
                Image = image,
                ExitCode = code,
                Stdout = Encoding.UTF8.GetString(stdout),
                Stderr = Encoding.UTF8.GetString(stderr),
                Removed = !options.Keep,
            }, $"Exited ({code})", created.Warnings, target: container);
        }

        private static async Task RemoveQuietlyAsync(DockerConnection c, string id)
        {
            using var bound = new CancellationTokenSource(CleanupBound);
            try
            {
                await c.Http.SendAsync(HttpMethod.Delete, "containers/" + id + "?force=1&v=1", null, bound.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The run's own failure is what the caller needs; a container that cannot be removed now was gone or the engine is.
            }
        }
    }
}
