using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>Reads an engine's JSON-lines stream (pull, push, load, events): one object a line, handed on as it arrives.</summary>
    internal static class JsonStream
    {
        /// <summary>The longest line accepted; an engine sends short lines, so a longer one is a broken stream.</summary>
        private const int MaxLine = 1024 * 1024;

        public static async Task ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, Action<T> onItem, CancellationToken cancellationToken)
        {
            await foreach (var item in ItemsAsync(response, type, cancellationToken).ConfigureAwait(false)) onItem(item);
        }

        /// <summary>The stream's items as they arrive (a stream that follows, such as events, ends when the engine closes it).</summary>
        public static async IAsyncEnumerable<T> ItemsAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
#if NET8_0_OR_GREATER
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            // ReadLineAsync takes no token here: closing the stream ends a read that waits on a silent engine.
            using var closeOnCancel = cancellationToken.Register(() => stream.Dispose());
#endif
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 16 * 1024);
            while (true)
            {
                string? line;
                try
                {
#if NET8_0_OR_GREATER
                    line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
#else
                    line = await reader.ReadLineAsync().ConfigureAwait(false);
#endif
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && e is ObjectDisposedException or IOException)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                if (line is null) yield break;
                if (line.Length > MaxLine) throw new JsonException($"a line of the engine's stream is longer than {MaxLine} bytes");
                if (string.IsNullOrWhiteSpace(line)) continue;
                var item = JsonSerializer.Deserialize(line, type);
                if (item is not null) yield return item;
            }
        }
    }
}
