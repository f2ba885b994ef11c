using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>The container lifecycle over the Docker API: CREATE, START, STOP, KILL, RESTART, PAUSE, UNPAUSE, REMOVE, WAIT, INSPECT, STATE.</summary>
    internal static class DockerContainerHandlers
    {
        public static async Task<OciResponse> CreateAsync(DockerConnection c, OciRequest request, OciContainerSpec spec, CancellationToken cancellationToken)
        {
            var (image, reference, name, body) = ContainerSpecMapper.Build(request, spec, spec.AutoRemove);
            var created = await CreateAsync(c, request, image, reference, name, body, spec.PullPolicy, cancellationToken, cancellationToken).ConfigureAwait(false);
            var container = await InspectAsync(c, created.Id!, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, container, "Created", created.Warnings, target: container.Name);
        }

        /// <summary>
        /// Creates the container, pulling its image first as <paramref name="policy"/> says (cancelled by
        /// <paramref name="pullCancellation"/>); the create itself by <paramref name="createCancellation"/>, which RUN
        /// leaves uncancelled so that a container the engine made is always known and can be removed.
        /// </summary>
        internal static async Task<IdResponseDto> CreateAsync(DockerConnection c, OciRequest request, string image, ImageReference? reference, string? name, ContainerConfigDto body,
            OciPullPolicy policy, CancellationToken pullCancellation, CancellationToken createCancellation)
        {
            if (policy == OciPullPolicy.Always && reference is not null) await PullAsync(c, request, reference, pullCancellation).ConfigureAwait(false);
            var path = "containers/create" + (name is null ? string.Empty : "?name=" + Uri.EscapeDataString(name));
            try
            {
                return await c.Http.SendJsonAsync(HttpMethod.Post, path, EngineHttp.Json(body, DockerContainerJson.Default.ContainerConfigDto), null,
                    DockerContainerJson.Default.IdResponseDto, createCancellation).ConfigureAwait(false);
            }
            // The only thing create can miss is the image.
            catch (EngineResponseException e) when (e.StatusCode == HttpStatusCode.NotFound && policy == OciPullPolicy.Missing && reference is not null)
            {
                await PullAsync(c, request, reference, pullCancellation).ConfigureAwait(false);
            }
            catch (EngineResponseException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw DockerErrors.FromStatus(e.StatusCode, e.Body, e.Reason, "Create container from image", image, e);
            }
            pullCancellation.ThrowIfCancellationRequested();
            return await c.Http.SendJsonAsync(HttpMethod.Post, path, EngineHttp.Json(body, DockerContainerJson.Default.ContainerConfigDto), null,
                DockerContainerJson.Default.IdResponseDto, createCancellation).ConfigureAwait(false);
        }

        /// <summary>Pulls a container's image (credentials resolved as for PULL; progress to the request's sink).</summary>
        private static async Task PullAsync(DockerConnection c, OciRequest request, ImageReference reference, CancellationToken cancellationToken)
        {
            var options = new OciPullOptions();
            var pull = OciRequest.WithOptions(OciMethods.Pull, OciKind.Image, reference.ToString(), options).WithContext(c, request.Progress);
            pull = await Credentials.RegistryAuth.ResolveAsync(pull, c, options, cancellationToken).ConfigureAwait(false);
            await DockerPullHandler.PullAsync(c, pull, options, cancellationToken).ConfigureAwait(false);
        }

        public static Task<OciResponse> StartAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken) =>
            ActAsync(c, request, "start", null, "Started", "Already running", cancellationToken);

        public static Task<OciResponse> StopAsync(DockerConnection c, OciRequest request, OciContainerStopOptions options, CancellationToken cancellationToken) =>
            ActAsync(c, request, "stop" + Grace(options), options.Timeout, "Stopped", "Already stopped", cancellationToken);

        public static Task<OciResponse> RestartAsync(DockerConnection c, OciRequest request, OciContainerStopOptions options, CancellationToken cancellationToken) =>
            ActAsync(c, request, "restart" + Grace(options), options.Timeout, "Restarted", null, cancellationToken);

        public static Task<OciResponse> KillAsync(DockerConnection c, OciRequest request, OciContainerKillOptions options, CancellationToken cancellationToken) =>
            ActAsync(c, request, "kill?signal=" + Signals.Check(options.Signal), null, "Killed", null, cancellationToken);

        public static Task<OciResponse> PauseAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken) =>
            ActAsync(c, request, "pause", null, "Paused", null, cancellationToken);

        public static Task<OciResponse> UnpauseAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken) =>
            ActAsync(c, request, "unpause", null, "Unpaused", null, cancellationToken);

        public static async Task<OciResponse> RemoveAsync(DockerConnection c, OciRequest request, OciContainerRemoveOptions options, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            await c.Http.SendAsync(HttpMethod.Delete, "containers/" + id + "?force=" + Flag(options.Force) + "&v=" + Flag(options.Volumes), null, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, id, "Removed", target: id);
        }

        /// <summary>WAIT: the answer's data is the exit code. Bounded only by the caller's cancellation.</summary>
        public static async Task<OciResponse> WaitAsync(DockerConnection c, OciRequest request, OciContainerWaitOptions options, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            var code = await WaitAsync(c, id, options.Condition, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, code, $"Exited ({code})", target: id);
        }

        internal static async Task<int> WaitAsync(DockerConnection c, string id, OciWaitCondition condition, CancellationToken cancellationToken)
        {
            var word = condition switch { OciWaitCondition.NextExit => "next-exit", OciWaitCondition.Removed => "removed", _ => "not-running" };
            using var response = await c.Http.OpenAsync(HttpMethod.Post, "containers/" + id + "/wait?condition=" + word, null, null, cancellationToken).ConfigureAwait(false);
            var answer = await ReadJsonAsync(response, DockerContainerJson.Default.WaitResponseDto, cancellationToken).ConfigureAwait(false);
            if (answer.Error?.Message is { Length: > 0 } error)
                throw DockerErrors.FromStream(error, null, "Wait container", id);
            return answer.StatusCode;
        }

        public static async Task<OciResponse> InspectAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var container = await InspectAsync(c, ContainerTarget.Resolve(request), cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, container, target: request.Target);
        }

        internal static async Task<OciContainer> InspectAsync(DockerConnection c, string id, CancellationToken cancellationToken) =>
            DockerContainerModels.ToContainer(await InspectRawAsync(c, id, cancellationToken).ConfigureAwait(false));

        internal static Task<ContainerInspectDto> InspectRawAsync(DockerConnection c, string id, CancellationToken cancellationToken) =>
            c.Http.GetJsonAsync("containers/" + id + "/json", DockerContainerJson.Default.ContainerInspectDto, cancellationToken);

        /// <summary>STATE: the OCI runtime state. The Docker API names no bundle directory, so it is null here.</summary>
        public static async Task<OciResponse> StateAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var d = await InspectRawAsync(c, ContainerTarget.Resolve(request), cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, DockerContainerModels.ToState(d, null, null), target: request.Target);
        }

        /// <summary>
        /// POSTs an action to the container and answers with the container as it is afterwards. An engine's "nothing to
        /// do" (HTTP 304: already running, already stopped) is success with <paramref name="unchanged"/> as the status.
        /// <paramref name="grace"/> lengthens the bound for actions that wait for the container (stop, restart).
        /// </summary>
        private static async Task<OciResponse> ActAsync(DockerConnection c, OciRequest request, string action, TimeSpan? grace, string done, string? unchanged, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            var status = done;
            using (var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                bound.CancelAfter(c.Http.RequestTimeout + (grace ?? TimeSpan.FromSeconds(10)));
                try
                {
                    using var response = await c.Http.OpenAsync(HttpMethod.Post, "containers/" + id + "/" + action, null, null, bound.Token).ConfigureAwait(false);
                }
                catch (EngineResponseException e) when (e.StatusCode == HttpStatusCode.NotModified && unchanged is not null)
                {
                    status = unchanged;
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"the engine did not finish '{action}' in time", e);
                }
            }
            var container = await InspectAsync(c, id, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, container, status, target: request.Target);
        }

        private static string Grace(OciContainerStopOptions options)
        {
            if (options.Timeout is not { } t) return string.Empty;
            if (t < TimeSpan.Zero || t > TimeSpan.FromDays(1))
                throw new OciException(OciErrorKind.InvalidArgument, $"timeout must be between 0 and one day; got {t}.", t.ToString());
            return "?t=" + ((long)Math.Ceiling(t.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        internal static string Flag(bool value) => value ? "1" : "0";

        /// <summary>Reads a JSON answer that may take long to come (WAIT); cancellation closes the stream, which every transport honours.</summary>
        internal static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        {
            var stream = await ResponseContent.StreamAsync(response, cancellationToken).ConfigureAwait(false);
            using (stream)
            using (cancellationToken.Register(stream.Dispose))
            {
                try
                {
                    return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                        ?? throw new JsonException("the engine answered null");
                }
                catch (Exception e) when (ResponseContent.IsCancelledRead(e, cancellationToken))
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }
    }
}
