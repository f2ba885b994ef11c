using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Conformance
{
    /// <summary>
    /// The images and registries the conformance suite pulls from. The engine under test must be able to pull from
    /// <see cref="Registry"/> (a local registry over plain HTTP is fine); the test process must reach it too, to read
    /// manifest digests (see <see cref="ResolveDigestAsync"/>).
    /// </summary>
    public sealed class ConformanceImages
    {
        /// <summary>The registry the test images live in, <c>host[:port]</c> (e.g. <c>127.0.0.1:5000</c>).</summary>
        public string Registry { get; init; } = string.Empty;

        /// <summary>A small image (a few MB, one or a few layers), e.g. <c>127.0.0.1:5000/small:latest</c>. Removed and re-pulled by the suite.</summary>
        public string Small { get; init; } = string.Empty;

        /// <summary>A tag whose manifest digest the suite pulls by digest (it may be the same image as <see cref="Small"/>), e.g. <c>127.0.0.1:5000/small:1.0</c>.</summary>
        public string Pinned { get; init; } = string.Empty;

        /// <summary>An image with one big layer (tens of MB or more, so progress has bytes to report and a pull can be cancelled midway).</summary>
        public string Big { get; init; } = string.Empty;

        /// <summary>An image with many layers (at least <see cref="MinimumLayers"/>).</summary>
        public string Layers { get; init; } = string.Empty;

        /// <summary>How many distinct layers a pull of <see cref="Layers"/> must report at least.</summary>
        public int MinimumLayers { get; init; } = 10;

        /// <summary>A layer of <see cref="Big"/> announces at least this many bytes in its progress.</summary>
        public long BigLayerMinimumBytes { get; init; } = 10_000_000;

        /// <summary>An image on a registry that requires credentials; pulled without any it must fail with Unauthorized.</summary>
        public string Private { get; init; } = string.Empty;

        /// <summary>
        /// A registry address where nothing listens (a stopped registry, as the engine sees it), <c>host:port</c>.
        /// The default is a loopback port that was free when the images were described.
        /// </summary>
        public string DeadRegistry { get; init; } = "127.0.0.1:" + FreeLoopbackPort();

        /// <summary>A repository that does not exist in <see cref="Registry"/>.</summary>
        public string Missing => $"{Registry}/oci-conformance-missing:latest";

        /// <summary>A tag that does not exist in <see cref="Small"/>'s repository.</summary>
        public string MissingTag => $"{ImageReference.Parse(Small).Repository}:oci-conformance-no-such-tag";

        /// <summary>
        /// The manifest digest a registry holds for a tagged reference. By default a
        /// <c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c>, over plain HTTP for loopback registries and HTTPS otherwise.
        /// </summary>
        public Func<string, CancellationToken, Task<string>> ResolveDigestAsync { get; init; } = DefaultResolveDigestAsync;

        /// <summary>
        /// The layout of a registry seeded like Oci's test bed (<c>eng/engines.sh</c>): <c>small:latest</c>,
        /// <c>small:1.0</c>, <c>big:latest</c> (one 256 MB layer) and <c>layers:latest</c> (24 layers) in
        /// <paramref name="registry"/>, and <c>private:latest</c> in <paramref name="authRegistry"/>.
        /// </summary>
        public static ConformanceImages ForTestBed(string registry, string authRegistry, string? deadRegistry = null) => new()
        {
            Registry = registry,
            Small = $"{registry}/small:latest",
            Pinned = $"{registry}/small:1.0",
            Big = $"{registry}/big:latest",
            Layers = $"{registry}/layers:latest",
            MinimumLayers = 20,
            BigLayerMinimumBytes = 200_000_000,
            Private = $"{authRegistry}/private:latest",
            DeadRegistry = deadRegistry ?? "127.0.0.1:" + FreeLoopbackPort(),
        };

        /// <summary>Fails with a clear message when a required image is not described.</summary>
        internal void Validate()
        {
            void Require(string value, string name)
            {
                if (string.IsNullOrWhiteSpace(value))
                    throw new InvalidOperationException($"ConformanceImages.{name} is not set: the conformance suite needs it (see the suite's README).");
                if (name != nameof(Registry) && name != nameof(DeadRegistry) && !ImageReference.TryParse(value, out _, out var error))
                    throw new InvalidOperationException($"ConformanceImages.{name} = '{value}' is not a valid image reference: {error}.");
            }
            Require(Registry, nameof(Registry));
            Require(Small, nameof(Small));
            Require(Pinned, nameof(Pinned));
            Require(Big, nameof(Big));
            Require(Layers, nameof(Layers));
            Require(Private, nameof(Private));
            Require(DeadRegistry, nameof(DeadRegistry));
        }

        private static async Task<string> DefaultResolveDigestAsync(string reference, CancellationToken cancellationToken)
        {
            var r = ImageReference.Parse(reference);
            var host = r.Domain.StartsWith("[", StringComparison.Ordinal) ? r.Domain.Substring(1, r.Domain.IndexOf(']') - 1) : r.Domain.Split(':')[0];
            var loopback = host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            var url = $"{(loopback ? "http" : "https")}://{r.Domain}/v2/{r.Path}/manifests/{r.Tag ?? r.Digest ?? ImageReference.DefaultTag}";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.list.v2+json");
            request.Headers.Accept.ParseAdd("application/vnd.oci.image.index.v1+json");
            request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
            request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || !response.Headers.TryGetValues("Docker-Content-Digest", out var values))
                throw new InvalidOperationException($"Cannot read the manifest digest of '{reference}' from {url}: HTTP {(int)response.StatusCode}. Set ConformanceImages.ResolveDigestAsync if the registry needs more.");
            var digest = string.Join(string.Empty, values);
            if (!Regex.IsMatch(digest, "^sha256:[a-f0-9]{64}$"))
                throw new InvalidOperationException($"The registry answered an unexpected digest '{digest}' for '{reference}'.");
            return digest;
        }

        private static int FreeLoopbackPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
