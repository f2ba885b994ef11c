using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// COPY, as docker cp, through the archive API (tar both ways, streamed). Into a container: to an existing folder
    /// under the source's own name, else as the destination's name in its parent folder. Out of a container: the same,
    /// on the local side. The answer's data is the number of bytes of file content copied.
    /// </summary>
    internal static class DockerCopyHandler
    {
        /// <summary>Go's os.ModeDir in the engines' path stat.</summary>
        private const uint ModeDir = 1u << 31;

        public static async Task<OciResponse> CopyAsync(DockerConnection c, OciRequest request, OciCopyOptions options, CancellationToken cancellationToken)
        {
            var id = ContainerTarget.Resolve(request);
            if (string.IsNullOrWhiteSpace(options.Source) || string.IsNullOrWhiteSpace(options.Destination))
                throw new OciException(OciErrorKind.InvalidArgument, "COPY needs a source and a destination (parameters 'source' and 'destination').", request.Target);
            var outcome = options.Direction == OciCopyDirection.IntoContainer
                ? await IntoAsync(c, id, Path.GetFullPath(options.Source), ContainerPath(options.Destination!), cancellationToken).ConfigureAwait(false)
                : await OutOfAsync(c, id, ContainerPath(options.Source!), Path.GetFullPath(options.Destination), cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, outcome.Bytes, "Copied", outcome.Warnings, target: request.Target);
        }

        private static async Task<ContainerArchive.Outcome> IntoAsync(DockerConnection c, string id, string local, string destination, CancellationToken cancellationToken)
        {
            var folder = Directory.Exists(local);
            if (!folder && !File.Exists(local))
                throw new OciException(OciErrorKind.NotFound, $"COPY: there is no file or folder '{local}' to copy.", local);
            // A missing container is NotFound for the container, not for a path in it.
            await DockerContainerHandlers.InspectRawAsync(c, id, cancellationToken).ConfigureAwait(false);
            string into, name;
            var stat = await StatAsync(c, id, destination, cancellationToken).ConfigureAwait(false);
            if (stat is { } s && (s.Mode & ModeDir) != 0)
            {
                (into, name) = (destination, ContainerArchive.LocalName(local));
            }
            else if (stat is not null)
            {
                if (folder) throw new OciException(OciErrorKind.InvalidArgument, $"COPY: cannot copy the folder '{local}' onto the file '{destination}' in the container.", destination);
                (into, name) = (Parent(destination), Name(destination));
            }
            else
            {
                into = Parent(destination);
                name = Name(destination);
                if (await StatAsync(c, id, into, cancellationToken).ConfigureAwait(false) is not { } parent || (parent.Mode & ModeDir) == 0)
                    throw new OciException(OciErrorKind.NotFound, $"COPY: the folder '{into}' does not exist in the container, so '{destination}' cannot be made.", destination);
            }
#if NET8_0_OR_GREATER
            var content = new TarContent(local, name, cancellationToken);
            using (var response = await c.Http.OpenAsync(HttpMethod.Put, "containers/" + id + "/archive?path=" + Uri.EscapeDataString(into), content, null, cancellationToken).ConfigureAwait(false))
            {
            }
            return new ContainerArchive.Outcome { Bytes = content.Bytes };
#else
            // Docker.DotNet's transports (netstandard2.0) are not relied on for request bodies of unknown length: the tar is
            // spooled to a temporary file (deleted when closed) and sent with its length.
            using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var bytes = await ContainerArchive.WriteAsync(local, name, spool, cancellationToken).ConfigureAwait(false);
            spool.Position = 0;
            var content = new StreamContent(spool);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-tar");
            using (var response = await c.Http.OpenAsync(HttpMethod.Put, "containers/" + id + "/archive?path=" + Uri.EscapeDataString(into), content, null, cancellationToken).ConfigureAwait(false))
            {
            }
            return new ContainerArchive.Outcome { Bytes = bytes };
#endif
        }

        private static async Task<ContainerArchive.Outcome> OutOfAsync(DockerConnection c, string id, string source, string local, CancellationToken cancellationToken)
        {
            string into;
            string? rename;
            if (Directory.Exists(local))
            {
                (into, rename) = (local, null);
            }
            else
            {
                into = Path.GetDirectoryName(local) ?? local;
                rename = Path.GetFileName(local);
                if (!Directory.Exists(into))
                    throw new OciException(OciErrorKind.NotFound, $"COPY: the local folder '{into}' does not exist, so '{local}' cannot be made.", local);
            }
            using var response = await c.Http.OpenAsync(HttpMethod.Get, "containers/" + id + "/archive?path=" + Uri.EscapeDataString(source), null, null, cancellationToken).ConfigureAwait(false);
            var stream = await ResponseContent.StreamAsync(response, cancellationToken).ConfigureAwait(false);
            using (stream)
            using (cancellationToken.Register(stream.Dispose))
            {
                try
                {
                    return await ContainerArchive.ExtractAsync(stream, into, rename, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (ResponseContent.IsCancelledRead(e, cancellationToken))
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        /// <summary>What the path is in the container (HEAD …/archive); null when there is nothing there.</summary>
        private static async Task<PathStatDto?> StatAsync(DockerConnection c, string id, string path, CancellationToken cancellationToken)
        {
            try
            {
                using var response = await c.Http.OpenAsync(HttpMethod.Head, "containers/" + id + "/archive?path=" + Uri.EscapeDataString(path), null, null, cancellationToken).ConfigureAwait(false);
                if (!response.Headers.TryGetValues("X-Docker-Container-Path-Stat", out var values)) return new PathStatDto();
                foreach (var v in values)
                    return JsonSerializer.Deserialize(Convert.FromBase64String(v), DockerContainerJson.Default.PathStatDto);
                return new PathStatDto();
            }
            // HEAD has no body to tell a missing path from a missing container: the container was inspected first.
            catch (EngineResponseException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        /// <summary>A path in the container: absolute, without a trailing slash (but the root).</summary>
        private static string ContainerPath(string path)
        {
            if (!path.StartsWith("/", StringComparison.Ordinal) || path.IndexOf('\0') >= 0)
                throw new OciException(OciErrorKind.InvalidArgument, $"COPY: '{path}' is not an absolute path in the container (it starts with /).", path);
            var trimmed = path.TrimEnd('/');
            return trimmed.Length == 0 ? "/" : trimmed;
        }

        private static string Parent(string path)
        {
            var slash = path.LastIndexOf('/');
            return slash <= 0 ? "/" : path.Substring(0, slash);
        }

        private static string Name(string path) => path.Substring(path.LastIndexOf('/') + 1);

#if NET8_0_OR_GREATER
        /// <summary>A request body that writes the tar as it is sent (never whole in memory); its length is unknown, so it goes chunked.</summary>
        private sealed class TarContent : HttpContent
        {
            private readonly string _local;
            private readonly string _name;
            private readonly CancellationToken _cancellationToken;

            public TarContent(string local, string name, CancellationToken cancellationToken)
            {
                _local = local;
                _name = name;
                _cancellationToken = cancellationToken;
                Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-tar");
            }

            public long Bytes { get; private set; }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
                Bytes = await ContainerArchive.WriteAsync(_local, _name, stream, _cancellationToken).ConfigureAwait(false);

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }
        }
#endif
    }
}
