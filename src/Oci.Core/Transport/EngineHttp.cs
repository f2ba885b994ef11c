using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Transport
{
    /// <summary>
    /// Requests to an engine's REST API under one path prefix (<c>v1.41/</c>, <c>v4.3.1/libpod/</c>): whole answers
    /// within the request timeout, or streams bounded only by the caller. An HTTP error becomes an
    /// <see cref="EngineResponseException"/>, a request that outlives the timeout a <see cref="TimeoutException"/>;
    /// the driver maps both.
    /// </summary>
    internal sealed class EngineHttp
    {
        /// <summary>The most of an error body kept for the message (an engine's or proxy's error page can be large).</summary>
        private const int MaxErrorBody = 16 * 1024;

        public EngineHttp(HttpClient client, string prefix, TimeSpan requestTimeout)
        {
            Client = client;
            Prefix = prefix;
            RequestTimeout = requestTimeout;
        }

        public HttpClient Client { get; }

        /// <summary>Prepended to every path (empty, or ending with '/').</summary>
        public string Prefix { get; }

        /// <summary>How long a whole (non-streaming) answer may take.</summary>
        public TimeSpan RequestTimeout { get; }

        /// <summary>The same transport under another path prefix.</summary>
        public EngineHttp WithPrefix(string prefix) => new(Client, prefix, RequestTimeout);

        /// <summary>GETs <paramref name="path"/> and reads the JSON answer as <typeparamref name="T"/>.</summary>
        public async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            await SendJsonAsync(HttpMethod.Get, path, null, null, type, cancellationToken).ConfigureAwait(false);

        /// <summary>Sends a request and reads its whole JSON answer within the request timeout.</summary>
        public Task<T> SendJsonAsync<T>(HttpMethod method, string path, HttpContent? body, IReadOnlyDictionary<string, string>? headers, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            WithinTimeoutAsync(async ct =>
            {
                using var response = await SendCoreAsync(method, path, body, headers, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
#if NET8_0_OR_GREATER
                using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
#else
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                return (await JsonSerializer.DeserializeAsync(stream, type, ct).ConfigureAwait(false))!;
            }, cancellationToken);

        /// <summary>Sends a request whose answer carries nothing needed, within the request timeout.</summary>
        public Task SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken cancellationToken) =>
            WithinTimeoutAsync(async ct =>
            {
                using var response = await SendCoreAsync(method, path, body, null, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken);

        /// <summary>Sends a request and returns the response once its headers arrived; the caller reads and disposes it.</summary>
        public Task<HttpResponseMessage> OpenAsync(HttpMethod method, string path, HttpContent? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken) =>
            SendCoreAsync(method, path, body, headers, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

        /// <summary>The request URI of <paramref name="path"/> (which may carry a query).</summary>
        public Uri Uri(string path) => new(Client.BaseAddress!, Prefix + path.TrimStart('/'));

        /// <summary>A JSON request body.</summary>
        public static HttpContent Json<T>(T value, JsonTypeInfo<T> type) =>
            new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type)) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } };

        private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, HttpContent? body, IReadOnlyDictionary<string, string>? headers,
            HttpCompletionOption completion, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, Uri(path)) { Content = body };
            if (headers is not null)
                foreach (var h in headers) request.Headers.TryAddWithoutValidation(h.Key, h.Value);
            var response = await Client.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || (int)response.StatusCode == 101) return response;
            using (response)
            {
                var text = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
                throw new EngineResponseException(response.StatusCode, text, response.ReasonPhrase);
            }
        }

        private async Task<T> WithinTimeoutAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(RequestTimeout);
            try
            {
                return await call(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && cts.IsCancellationRequested)
            {
                throw new TimeoutException($"the engine did not answer within {RequestTimeout.TotalSeconds:0.#} s", e);
            }
        }

        private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            try
            {
#if NET8_0_OR_GREATER
                using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                var buffer = new byte[MaxErrorBody];
                var read = 0;
                int n;
                while (read < buffer.Length && (n = await stream.ReadAsync(buffer, read, buffer.Length - read, cancellationToken).ConfigureAwait(false)) > 0) read += n;
                return Encoding.UTF8.GetString(buffer, 0, read);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                return string.Empty;
            }
        }
    }
}
