using System;
using System.Collections.Generic;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// Turns the engine's JSON pull stream into <see cref="OciProgress"/> events. The stream reader calls
    /// <see cref="Report"/> synchronously per line, so forwarding straight to the caller's sink keeps the
    /// engine's order (System.Progress&lt;T&gt; would post to the thread pool and reorder). The stream's
    /// in-band error, digest and outcome are kept for after the stream ends.
    /// </summary>
    /// <remarks>
    /// Two dialects arrive here. dockerd's stream ends every layer with <c>Pull complete</c> or <c>Already exists</c>
    /// and closes with <c>Digest:</c> and <c>Status:</c> lines. Podman's compat stream (4.x) reports each blob it
    /// copies, the image config included, as <c>Pulling fs layer</c> → <c>Downloading</c> (about once a second) →
    /// <c>Download complete</c>, or <c>Already exists</c>; its last line repeats <c>Download complete</c> under the short
    /// image id; there is no per-layer <c>Pull complete</c>, no <c>Digest:</c> and no <c>Status:</c>. So that every
    /// layer completes on both, <see cref="Complete(string?)"/> closes each layer the stream left open with a
    /// <c>Pull complete</c> event (the pull succeeded, so the layer is in the store) before the image-wide event.
    /// </remarks>
    internal sealed class PullProgressTranslator : IProgress<JsonMessageDto>
    {
        private readonly string _reference;
        private readonly IProgress<OciProgress>? _sink;
        private readonly List<string> _layers = new();
        private readonly Dictionary<string, bool> _completed = new(StringComparer.Ordinal);

        public PullProgressTranslator(string reference, IProgress<OciProgress>? sink)
        {
            _reference = reference;
            _sink = sink;
        }

        /// <summary>The first in-band error (<c>errorDetail</c>) the stream carried, if any.</summary>
        public ErrorDetailDto? Error { get; private set; }

        /// <summary>The manifest digest the engine announced (<c>Digest: sha256:…</c>).</summary>
        public string? Digest { get; private set; }

        /// <summary>The engine's closing words (<c>Downloaded newer image</c>, <c>Image is up to date</c>).</summary>
        public string? Outcome { get; private set; }

        public void Report(JsonMessageDto value)
        {
            if (value is null) return;
            if (value.ErrorDetail is { Message.Length: > 0 } || !string.IsNullOrEmpty(value.Error))
            {
                Error ??= new ErrorDetailDto { Message = value.ErrorDetail?.Message ?? value.Error, Code = value.ErrorDetail?.Code ?? 0 };
                return;
            }
            var status = value.Status?.Trim() ?? string.Empty;
            if (status.StartsWith("Digest:", StringComparison.Ordinal))
                Digest = status.Substring("Digest:".Length).Trim();
            else if (status.StartsWith("Status:", StringComparison.Ordinal))
                Outcome = Shorten(status.Substring("Status:".Length).Trim());
            if (status.Length == 0) return;
            var isLayer = !string.IsNullOrEmpty(value.Id) && !status.StartsWith("Pulling from", StringComparison.Ordinal);
            var phase = isLayer ? Phase(status) : OciProgressPhase.Waiting;
            if (isLayer)
            {
                var id = value.Id!;
                if (!_completed.TryGetValue(id, out var done))
                    _layers.Add(id);
                _completed[id] = done || phase == OciProgressPhase.Complete;
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

        /// <summary>Reports the image-wide completion event once the stream ended without error.</summary>
        public void Complete() => Complete(null);

        /// <summary>
        /// Once the stream ended without error: completes every layer the stream left open, in the order they first
        /// appeared, then reports the image-wide completion with <paramref name="outcome"/> (else the stream's own).
        /// </summary>
        public void Complete(string? outcome)
        {
            if (outcome is not null) Outcome = outcome;
            if (_sink is null) return;
            foreach (var layer in _layers)
            {
                if (_completed[layer]) continue;
                _completed[layer] = true;
                _sink.Report(new OciProgress { Reference = _reference, LayerId = layer, Status = "Pull complete", Phase = OciProgressPhase.Complete });
            }
            _sink.Report(new OciProgress { Reference = _reference, Status = Outcome ?? "Pull complete", Phase = OciProgressPhase.Complete });
        }

        internal static OciProgressPhase Phase(string status)
        {
            if (status.StartsWith("Downloading", StringComparison.OrdinalIgnoreCase) || status.StartsWith("Copying", StringComparison.OrdinalIgnoreCase))
                return OciProgressPhase.Downloading;
            if (status.StartsWith("Verifying", StringComparison.OrdinalIgnoreCase) || status.StartsWith("Download complete", StringComparison.OrdinalIgnoreCase))
                return OciProgressPhase.Verifying;
            if (status.StartsWith("Extracting", StringComparison.OrdinalIgnoreCase))
                return OciProgressPhase.Extracting;
            if (status.StartsWith("Pull complete", StringComparison.OrdinalIgnoreCase) || status.StartsWith("Already exists", StringComparison.OrdinalIgnoreCase))
                return OciProgressPhase.Complete;
            return OciProgressPhase.Waiting;
        }

        // "Downloaded newer image for 127.0.0.1:5000/small:latest" → "Downloaded newer image".
        private static string Shorten(string status)
        {
            var i = status.IndexOf(" for ", StringComparison.Ordinal);
            return i > 0 ? status.Substring(0, i) : status;
        }
    }
}
