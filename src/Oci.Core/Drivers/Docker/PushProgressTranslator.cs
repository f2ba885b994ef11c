using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// Turns the engine's JSON push stream into <see cref="OciProgress"/> events, in order (called per line, like
    /// <see cref="PullProgressTranslator"/>), and keeps the pushed digest and the stream's in-band error.
    /// </summary>
    /// <remarks>
    /// dockerd reports each layer (<c>Preparing</c>, <c>Waiting</c>, <c>Pushing</c> with bytes, <c>Pushed</c>, <c>Layer already
    /// exists</c>, <c>Mounted from …</c>) and closes with <c>&lt;tag&gt;: digest: sha256:… size: N</c> and an <c>aux</c> line
    /// carrying the digest. Podman's compatible API sends only the first and the closing line; the digest is read off
    /// the closing line's words then.
    /// </remarks>
    internal sealed class PushProgressTranslator
    {
        private static readonly Regex DigestWords = new(@"digest: (sha256:[a-f0-9]{64})", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private readonly string _reference;
        private readonly IProgress<OciProgress>? _sink;
        private readonly List<string> _layers = new();
        private readonly HashSet<string> _completed = new(StringComparer.Ordinal);

        public PushProgressTranslator(string reference, IProgress<OciProgress>? sink)
        {
            _reference = reference;
            _sink = sink;
        }

        public ErrorDetailDto? Error { get; private set; }

        /// <summary>The manifest digest the registry stored.</summary>
        public string? Digest { get; private set; }

        public void Report(ArchiveMessageDto value)
        {
            if (value.ErrorDetail is { Message.Length: > 0 } || !string.IsNullOrEmpty(value.Error))
            {
                Error ??= new ErrorDetailDto { Message = value.ErrorDetail?.Message ?? value.Error, Code = value.ErrorDetail?.Code ?? 0 };
                return;
            }
            if (value.Aux?.Digest is { Length: > 0 } aux) Digest = aux;
            var status = value.Status?.Trim() ?? string.Empty;
            if (status.Length == 0) return;
            if (Digest is null && DigestWords.Match(status) is { Success: true } m) Digest = m.Groups[1].Value;
            var isLayer = !string.IsNullOrEmpty(value.Id);
            var phase = isLayer ? Phase(status) : OciProgressPhase.Waiting;
            if (isLayer)
            {
                if (!_layers.Contains(value.Id!)) _layers.Add(value.Id!);
                if (phase == OciProgressPhase.Complete) _completed.Add(value.Id!);
            }
            _sink?.Report(new OciProgress
            {
                Reference = _reference,
                LayerId = isLayer ? value.Id : null,
                Status = status,
                Current = value.ProgressDetail?.Current > 0 ? value.ProgressDetail.Current : null,
                Total = value.ProgressDetail?.Total > 0 ? value.ProgressDetail.Total : null,
                Phase = phase,
            });
        }

        /// <summary>Once the stream ended without error: completes the layers left open, then the push.</summary>
        public void Complete()
        {
            if (_sink is null) return;
            foreach (var layer in _layers)
                if (_completed.Add(layer))
                    _sink.Report(new OciProgress { Reference = _reference, LayerId = layer, Status = "Pushed", Phase = OciProgressPhase.Complete });
            _sink.Report(new OciProgress { Reference = _reference, Status = "Pushed " + Digest, Phase = OciProgressPhase.Complete });
        }

        internal static OciProgressPhase Phase(string status)
        {
            if (status.StartsWith("Pushing", StringComparison.OrdinalIgnoreCase)) return OciProgressPhase.Uploading;
            if (status.StartsWith("Pushed", StringComparison.OrdinalIgnoreCase) || status.StartsWith("Layer already exists", StringComparison.OrdinalIgnoreCase)
                || status.StartsWith("Mounted from", StringComparison.OrdinalIgnoreCase))
                return OciProgressPhase.Complete;
            return OciProgressPhase.Waiting;
        }
    }
}
