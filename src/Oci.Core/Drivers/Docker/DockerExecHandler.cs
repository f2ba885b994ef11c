using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// EXEC: a command in a running container, with its stdout, stderr and exit code, and optionally input on stdin.
    /// The exec is started as an upgraded connection of its own (<see cref="EngineUpgrade"/>), which dockerd and Podman's
    /// compatible API both answer with a raw, multiplexed stream; stdin is ended by half-closing it.
    /// </summary>
    internal static class DockerExecHandler
    {
        /// <summary>How long the engine may take to record the exit code once the output ended.</summary>
        private static readonly TimeSpan ExitCodeWait = TimeSpan.FromSeconds(10);

        public static async Task<OciResponse> ExecAsync(DockerConnection c, OciRequest request, OciExecOptions options, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            if (options.Command is not { Count: > 0 } command || command.Any(a => a is null) || string.IsNullOrEmpty(command[0]))
                throw new OciException(OciErrorKind.InvalidArgument, "EXEC needs a command: parameter 'command', the program and its arguments.", request.Target);
            var create = new ExecCreateDto
            {
                AttachStdin = options.Input is not null,
                Cmd = command.ToList(),
                Env = ContainerSpecMapper.Environment(options.Environment),
                User = string.IsNullOrEmpty(options.User) ? null : options.User,
                WorkingDir = ContainerSpecMapper.AbsoluteOrNull(options.WorkingDirectory, "workingDirectory"),
            };
            if (options.Input is not null && c.Endpoint.IsNamedPipe)
                throw new OciException(OciErrorKind.Unsupported, $"EXEC with input is not supported over named pipes ('{c.Endpoint}'): the pipe cannot be half-closed to end the input.", request.Target);

            var exec = await c.Http.SendJsonAsync(HttpMethod.Post, "containers/" + id + "/exec", EngineHttp.Json(create, DockerContainerJson.Default.ExecCreateDto), null,
                DockerContainerJson.Default.IdResponseDto, cancellationToken).ConfigureAwait(false);
            var start = JsonSerializer.SerializeToUtf8Bytes(new ExecStartDto(), DockerContainerJson.Default.ExecStartDto);
            byte[] stdout, stderr;
            using (var session = await EngineUpgrade.OpenAsync(c.Endpoint, c.Tls, c.Ssh, c.Http.Prefix + "exec/" + exec.Id + "/start", start, cancellationToken).ConfigureAwait(false))
            {
                // Input and output at once: a command may write more than the pipes hold before it reads all its input.
                var writing = options.Input is null ? Task.CompletedTask : WriteInputAsync(session, options.Input, cancellationToken);
                (stdout, stderr) = await LogFrames.CollectAsync(session.Stream, multiplexed: true, cancellationToken).ConfigureAwait(false);
                await writing.ConfigureAwait(false);
            }
            var (code, container) = await ExitCodeAsync(c, exec.Id!, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciExecResult
            {
                ContainerId = container ?? id,
                Command = command.ToArray(),
                ExitCode = code,
                Stdout = Encoding.UTF8.GetString(stdout),
                Stderr = Encoding.UTF8.GetString(stderr),
            }, $"Exited ({code})", target: request.Target);
        }

        private static async Task WriteInputAsync(UpgradedStream session, string input, CancellationToken cancellationToken)
        {
            var bytes = new UTF8Encoding(false).GetBytes(input);
            try
            {
                await session.Stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                await session.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                await session.CloseWriteAsync().ConfigureAwait(false);
            }
            catch (System.IO.IOException)
            {
                // The command ended without reading all its input (its stdin closed): what it wrote is still read.
            }
        }

        /// <summary>The exec's exit code, once the engine recorded it (it may lag the end of the output a little).</summary>
        internal static async Task<(int Code, string? Container)> ExitCodeAsync(DockerConnection c, string execId, CancellationToken cancellationToken)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var delay = TimeSpan.FromMilliseconds(10);
            while (true)
            {
                var state = await c.Http.GetJsonAsync("exec/" + execId + "/json", DockerContainerJson.Default.ExecInspectDto, cancellationToken).ConfigureAwait(false);
                if (!state.Running && state.ExitCode is { } code) return (code, state.ContainerID);
                if (waited.Elapsed > ExitCodeWait)
                    throw new OciException(OciErrorKind.Timeout, $"The command's output ended but the engine did not report its exit code within {ExitCodeWait.TotalSeconds:0} s.", execId);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            }
        }
    }
}
