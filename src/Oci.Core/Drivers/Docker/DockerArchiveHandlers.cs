using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>SAVE and LOAD: images to and from a tar archive, streamed both ways with progress in bytes.</summary>
    internal static class DockerArchiveHandlers
    {
        public static async Task<OciResponse> SaveAsync(DockerConnection c, OciRequest request, OciImageSaveOptions options, CancellationToken cancellationToken)
        {
            var names = (request.Target is null ? Array.Empty<string>() : new[] { request.Target }).Concat(options.References)
                .Select(Image).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 0) throw new OciException(OciErrorKind.InvalidArgument, "SAVE needs at least one image (the target, or 'references').", request.Target);
            var path = CheckEnds(options.Path, options.Destination, "destination", request);
            if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot save to '{path}': the folder '{dir}' does not exist.", path);

            var shown = string.Join(", ", names);
            var query = "images/get?" + string.Join("&", names.Select(n => "names=" + Uri.EscapeDataString(n)));
            using var response = await c.Http.OpenAsync(HttpMethod.Get, query, null, null, cancellationToken).ConfigureAwait(false);
#if NET8_0_OR_GREATER
            using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            void Report(long bytes) => request.Progress?.Report(new OciProgress { Reference = shown, Status = "Saving", Current = bytes, Phase = OciProgressPhase.Downloading });
            long size;
            if (path is null)
            {
                size = await ArchiveStreams.CopyAsync(source, options.Destination!, Report, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    size = await ArchiveStreams.CopyAsync(source, file, Report, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // A partial archive is worse than none.
                    TryDelete(path);
                    throw;
                }
            }
            request.Progress?.Report(new OciProgress { Reference = shown, Status = "Saved", Current = size, Total = size, Phase = OciProgressPhase.Complete });
            return OciResponse.For(request, new OciImageArchive { Path = path is null ? null : Path.GetFullPath(path), Size = size, Images = names }, "Saved", target: path ?? shown);
        }

        public static async Task<OciResponse> LoadAsync(DockerConnection c, OciRequest request, OciImageLoadOptions options, CancellationToken cancellationToken)
        {
            var path = CheckEnds(options.Path, options.Source, "source", request);
            var what = path ?? "the archive stream";
            if (path is not null && !File.Exists(path))
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot load '{path}': there is no such file.", path);
            using var file = path is null ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var input = file ?? options.Source!;
            long? total = file?.Length;
            var head = await ArchiveStreams.HeadAsync(input, cancellationToken).ConfigureAwait(false);
            if (!ArchiveStreams.LooksLikeArchive(head))
                throw NotAnArchive(what, "it does not start like a tar archive (as docker save or podman save write) or a compressed one");

            void Report(long bytes) => request.Progress?.Report(new OciProgress { Reference = what, Status = "Loading", Current = bytes, Total = total, Phase = OciProgressPhase.Uploading });
            var upload = new ArchiveStreams.Upload(head, input, Report);
            var content = new StreamContent(upload, 81920);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-tar");
            var loaded = new List<string>();
            string? error = null;
            try
            {
                using var response = await c.Http.OpenAsync(HttpMethod.Post, "images/load?quiet=1", content, null, cancellationToken).ConfigureAwait(false);
                await foreach (var line in JsonStream.ItemsAsync(response, DockerObjectJson.Default.ArchiveMessageDto, cancellationToken).ConfigureAwait(false))
                {
                    if ((line.ErrorDetail?.Message ?? line.Error) is { Length: > 0 } e) error ??= e;
                    else loaded.AddRange(Loaded(line.Stream));
                }
            }
            catch (EngineResponseException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.InternalServerError)
            {
                throw NotAnArchive(what, DockerErrors.FromStatus(e.StatusCode, e.Body, e.Reason, "Load", path).EngineMessage ?? e.Message, e);
            }
            if (error is not null) throw NotAnArchive(what, error);
            if (loaded.Count == 0) throw NotAnArchive(what, "the engine loaded no image from it");

            var images = new List<OciImage>();
            foreach (var name in loaded.Distinct(StringComparer.Ordinal))
                images.Add(await c.InspectImageAsync(name, ImageReference.IsImageId(name) ? null : name, null, cancellationToken).ConfigureAwait(false));
            request.Progress?.Report(new OciProgress { Reference = what, Status = "Loaded", Current = upload.BytesRead, Total = upload.BytesRead, Phase = OciProgressPhase.Complete });
            return OciResponse.For(request, images.ToArray(), "Loaded", target: what);
        }

        /// <summary>The names a load line reports: <c>Loaded image: a:1</c> (Podman lists several, comma-separated) or <c>Loaded image ID: sha256:…</c>.</summary>
        internal static IEnumerable<string> Loaded(string? text)
        {
            const string Name = "Loaded image: ", Id = "Loaded image ID: ";
            foreach (var line in (text ?? string.Empty).Split('\n').Select(l => l.Trim()))
            {
                if (line.StartsWith(Id, StringComparison.Ordinal)) yield return DockerModels.WithAlgorithm(line.Substring(Id.Length).Trim());
                else if (line.StartsWith(Name, StringComparison.Ordinal))
                    foreach (var n in line.Substring(Name.Length).Split(',').Select(n => n.Trim()).Where(n => n.Length > 0))
                        yield return ImageReference.IsImageId(n) ? DockerModels.WithAlgorithm(n) : ImageReference.Parse(n).ToString();
            }
        }

        /// <summary>Exactly one of a file path and a stream; the path checked for what a path may hold.</summary>
        private static string? CheckEnds(string? path, Stream? stream, string streamName, OciRequest request)
        {
            if ((path is null) == (stream is null))
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} needs either 'path' or '{streamName}' (one of them).", path ?? request.Target);
            if (path is not null && (path.Trim().Length == 0 || path.IndexOf('\0') >= 0))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{path}' is not a file path.", path);
            if (stream is not null && !(streamName == "source" ? stream.CanRead : stream.CanWrite))
                throw new OciException(OciErrorKind.InvalidArgument, $"The '{streamName}' stream cannot be {(streamName == "source" ? "read" : "written")}.", request.Target);
            return path;
        }

        private static string Image(string name) => ImageReference.IsImageId(name) ? name : ImageReference.Parse(name).ToString();

        private static OciException NotAnArchive(string what, string why, Exception? inner = null) =>
            new(OciErrorKind.InvalidArgument, $"Cannot load {(what.StartsWith("the ", StringComparison.Ordinal) ? what : $"'{what}'")}: it is not a complete image archive ({why.Trim()}).", what, why, innerException: inner);

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
