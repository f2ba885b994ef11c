using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// EXEC_SESSION: a command started in a running container with stdin, stdout and stderr attached and no TTY, handed
    /// back running as an <see cref="OciExecSession"/>. As EXEC (<see cref="DockerExecHandler"/>), the exec is started as
    /// an upgraded connection of its own, which dockerd and Podman's compatible API both answer with a raw two-way
    /// stream: stdin raw one way, stdout and stderr multiplexed the other.
    /// </summary>
    internal static class DockerExecSessionHandler
    {
        public static async Task<OciResponse> OpenAsync(DockerConnection c, OciRequest request, OciExecSessionOptions options, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            if (options.Command is not { Count: > 0 } command || command.Any(a => a is null) || string.IsNullOrEmpty(command[0]))
                throw new OciException(OciErrorKind.InvalidArgument, "EXEC_SESSION needs a command: parameter 'command', the program and its arguments.", request.Target);
            var create = new ExecCreateDto
            {
                AttachStdin = true,
                Cmd = command.ToList(),
                Env = ContainerSpecMapper.Environment(options.Environment),
                User = string.IsNullOrEmpty(options.User) ? null : options.User,
                WorkingDir = ContainerSpecMapper.AbsoluteOrNull(options.WorkingDirectory, "workingDirectory"),
            };
            var exec = await c.Http.SendJsonAsync(HttpMethod.Post, "containers/" + id + "/exec", EngineHttp.Json(create, DockerContainerJson.Default.ExecCreateDto), null,
                DockerContainerJson.Default.IdResponseDto, cancellationToken).ConfigureAwait(false);
            var start = JsonSerializer.SerializeToUtf8Bytes(new ExecStartDto(), DockerContainerJson.Default.ExecStartDto);
            var connection = await EngineUpgrade.OpenAsync(c.Endpoint, c.Tls, c.Ssh, c.Http.Prefix + "exec/" + exec.Id + "/start", start, cancellationToken).ConfigureAwait(false);
            var session = new OciExecSession(id, exec.Id!, command.ToArray(), connection,
                async ct => (await DockerExecHandler.ExitCodeAsync(c, exec.Id!, ct).ConfigureAwait(false)).Code,
                e => DockerErrors.Map(e, request, c));
            return OciResponse.For(request, session, "Started", target: request.Target);
        }
    }
}
