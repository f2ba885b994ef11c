using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Oci
{
    /// <summary>
    /// Connects to whichever engine answers first in the discovery order (<see cref="OciEndpointDiscovery"/>),
    /// as <c>Connect-OciEngine</c> does without <c>-Endpoint</c>.
    /// </summary>
    public static class OciEngines
    {
        /// <summary>The driver used when the caller forces none and the engine is not Podman (or no podman driver is registered).</summary>
        public const string ProbeDriver = "docker";

        /// <summary>The driver used instead when the engine that answered is Podman and a driver of this name is registered.</summary>
        public const string PodmanDriver = "podman";

        /// <summary>
        /// Tries the candidates in order and returns a client for the first that answers a ping. A missing
        /// socket file is passed over without a network call; every ping is bounded by
        /// <see cref="OciDiscoveryOptions.ProbeTimeout"/>, and connecting to an engine that answered by
        /// <see cref="OciDiscoveryOptions.ConnectTimeout"/>. When nothing answers, one <see cref="OciDiscoveryException"/>
        /// (EngineUnavailable; Unsupported when an endpoint the user configured is ssh://) lists every attempt.
        /// </summary>
        public static async Task<OciClient> ConnectAsync(OciDiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
            (await DiscoverAsync(options, cancellationToken).ConfigureAwait(false)).Client;

        /// <summary>As <see cref="ConnectAsync"/>, and tells which candidate answered and why the ones before it did not.</summary>
        public static async Task<OciDiscoveryResult> DiscoverAsync(OciDiscoveryOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new OciDiscoveryOptions();
            var env = options.Environment ?? OciEnvironment.Current;
            var lookup = options.DriverLookup ?? (name => OciDrivers.TryGet(name, out var d) ? d : null);
            IOciDriver? forced = null;
            if (OciEnvironment.NonEmpty(options.Driver?.Trim()) is { } forcedName)
                forced = lookup(forcedName) ?? throw new OciException(OciErrorKind.Unsupported,
                    $"No driver named '{forcedName}' is registered. Registered drivers: {string.Join(", ", OciDrivers.Names)}.", forcedName);
            var probeDriver = forced ?? lookup(ProbeDriver)
                ?? throw new OciException(OciErrorKind.Unsupported, $"The '{ProbeDriver}' driver is not registered; pass a driver to connect with.", ProbeDriver);

            var candidates = OciEndpointDiscovery.GetCandidates(options);
            var attempts = new List<OciEndpointAttempt>(candidates.Count);
            foreach (var candidate in candidates)
            {
                ThrowIfCancelled(cancellationToken);
                var (client, attempt) = await TryAsync(candidate, env, probeDriver, forced is null ? lookup : null, options.ProbeTimeout, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                attempts.Add(attempt);
                if (client is not null) return new OciDiscoveryResult(client, candidate, attempts);
            }
            throw NothingAnswered(attempts, options.Endpoint);
        }

        private static async Task<(OciClient?, OciEndpointAttempt)> TryAsync(OciEndpointCandidate candidate, OciEnvironment env, IOciDriver driver,
            Func<string, IOciDriver?>? lookup, TimeSpan probeTimeout, TimeSpan connectTimeout, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            OciEndpointAttempt Skip(OciErrorKind kind, string why) => new(candidate, false, watch.Elapsed, null, null, kind, why);

            if (candidate.Problem is not null || candidate.Endpoint is null)
                return (null, Skip(OciErrorKind.InvalidArgument, candidate.Problem ?? "no endpoint"));
            var endpoint = candidate.Endpoint;
            switch (candidate.Scheme)
            {
                case "ssh":
                    return (null, Skip(OciErrorKind.Unsupported,
                        $"ssh:// endpoints are not supported yet (from {candidate.SourceDescription}); forward the engine's socket (ssh -L) and connect to that instead"));
                case "unix":
                    var path = endpoint.Substring("unix://".Length);
                    if (!env.FileExists(path))
                        return (null, Skip(OciErrorKind.EngineUnavailable, $"no socket at {path}"));
                    break;
                case "npipe":
                    var pipe = endpoint.Substring("npipe://".Length).TrimStart('/');
                    var name = pipe.StartsWith("./pipe/", StringComparison.OrdinalIgnoreCase) ? pipe.Substring("./pipe/".Length) : pipe;
                    if (env.NamedPipeExists(name) == false)
                        return (null, Skip(OciErrorKind.EngineUnavailable, $"no named pipe {name}"));
                    break;
            }

            // First the ping, bounded by the probe timeout: it says whether anything answers, and what. A custom
            // driver the caller forced may not speak the Docker API: it is left to connect on its own, bounded the same.
            var pingFirst = lookup is not null || IsDockerApiDriver(driver);
            Drivers.Docker.DockerPing? ping;
            try
            {
                ping = pingFirst ? await PingAsync(endpoint, candidate.Tls, probeTimeout, cancellationToken).ConfigureAwait(false) : null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ThrowIfCancelled(cancellationToken);
                throw; // unreachable
            }
            catch (OciException e)
            {
                return (null, new OciEndpointAttempt(candidate, true, watch.Elapsed, driver.Name, null, e.Kind, Why(e)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A transport that cannot be built here (a named pipe off Windows, say).
                return (null, new OciEndpointAttempt(candidate, true, watch.Elapsed, driver.Name, null, OciErrorKind.EngineUnavailable, Exceptions.Innermost(e).Message.TrimEnd('.')));
            }

            // The driver is chosen by what answered, unless the caller forced one.
            var podman = ping is { IsPodman: true } && lookup is not null && !string.Equals(driver.Name, PodmanDriver, StringComparison.OrdinalIgnoreCase)
                ? lookup(PodmanDriver) : null;
            var chosen = podman ?? driver;
            // Without a ping (an endpoint it could not read, a custom driver) the whole connect is bounded like a probe.
            var (client, kind, why) = await ConnectBoundedAsync(chosen, candidate, ping is null ? probeTimeout : connectTimeout, cancellationToken).ConfigureAwait(false);
            if (client is null)
                return (null, new OciEndpointAttempt(candidate, true, watch.Elapsed, chosen.Name, ping?.Engine, kind,
                    podman is null ? why : $"it answered as Podman, but the {podman.Name} driver could not connect: {why}"));
            return (client, new OciEndpointAttempt(candidate, true, watch.Elapsed, client.Driver.Name, client.Connection.Engine, null, null));
        }

        private static bool IsDockerApiDriver(IOciDriver driver) =>
            string.Equals(driver.Name, ProbeDriver, StringComparison.OrdinalIgnoreCase) || string.Equals(driver.Name, PodmanDriver, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Pings a Docker-API endpoint (Docker, Podman's compatible API) within <paramref name="timeout"/>, over TLS when
        /// <paramref name="tls"/> (the candidate's) is given or the endpoint is https://; null when the endpoint is not one
        /// the Docker transport can read (a custom driver's), EngineUnavailable when nothing answers, InvalidArgument when
        /// the TLS files cannot be used.
        /// </summary>
        private static async Task<Drivers.Docker.DockerPing?> PingAsync(string endpoint, OciTlsSettings? tls, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Drivers.Docker.DockerEndpoint parsed;
            try
            {
                parsed = Drivers.Docker.DockerEndpoint.Parse(endpoint);
            }
            catch (OciException)
            {
                return null;
            }
            OciTlsSettings? settings;
            using (Drivers.Docker.DockerConnector.UseTls(tls)) settings = Drivers.Docker.DockerConnector.ResolveTls(parsed, null);
            using var material = settings is null ? null : Tls.TlsMaterial.Load(settings, parsed.Host!);
            if (material is not null) parsed = parsed.WithTls();
            using var http = Drivers.Docker.DockerTransport.CreateHttpClient(parsed, material, out var baseUri);
            return await Drivers.Docker.DockerPing.SendAsync(http, baseUri, parsed.Display, material, timeout, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The one place a candidate is connected to (TLS settings travel in <paramref name="candidate"/>).</summary>
        private static async Task<(OciClient?, OciErrorKind, string?)> ConnectBoundedAsync(IOciDriver driver, OciEndpointCandidate candidate, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(timeout);
            try
            {
                // The candidate's TLS (DOCKER_TLS_VERIFY/DOCKER_CERT_PATH of the environment discovery read, the context's
                // files, or the caller's) is the whole story: the process's own DOCKER_TLS_VERIFY must not add to it.
                using var scope = Drivers.Docker.DockerConnector.UseTls(candidate.Tls);
                var client = candidate.Tls is null
                    ? await OciClient.ConnectAsync(driver, candidate.Endpoint!, probe.Token).ConfigureAwait(false)
                    : await OciClient.ConnectAsync(driver, candidate.Endpoint!, new OciConnectOptions { Tls = candidate.Tls }, probe.Token).ConfigureAwait(false);
                return (client, default, null);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                ThrowIfCancelled(cancellationToken);
                throw; // unreachable
            }
            catch (Exception) when (probe.IsCancellationRequested)
            {
                return (null, OciErrorKind.Timeout, $"it did not answer within {Seconds(timeout)}");
            }
            catch (OciException e)
            {
                return (null, e.Kind, Why(e));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (null, OciErrorKind.EngineUnavailable, Exceptions.Innermost(e).Message.TrimEnd('.'));
            }
        }

        private static string Why(OciException e) => (e.EngineMessage ?? e.Message).TrimEnd('.');

        private static void ThrowIfCancelled(CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
                throw new OciException(OciErrorKind.Cancelled, "Looking for a container engine was cancelled.", innerException: new OperationCanceledException(cancellationToken));
        }

        private static OciDiscoveryException NothingAnswered(IReadOnlyList<OciEndpointAttempt> attempts, string? target)
        {
            var kind = OciErrorKind.EngineUnavailable;
            static bool Configured(OciEndpointSource s) => s is OciEndpointSource.Explicit or OciEndpointSource.DockerHost or OciEndpointSource.DockerContext;
            if (attempts.Any(a => a.FailureKind == OciErrorKind.Unsupported && Configured(a.Candidate.Source)))
                kind = OciErrorKind.Unsupported;
            else if (attempts.Count == 1 && attempts[0].FailureKind == OciErrorKind.InvalidArgument && attempts[0].Candidate.Source == OciEndpointSource.Explicit)
                kind = OciErrorKind.InvalidArgument;

            var sb = new StringBuilder();
            sb.Append(attempts.Count == 1 ? "No container engine answered at the one place tried:" : $"No container engine answered; tried {attempts.Count} places, in order:");
            foreach (var a in attempts)
                sb.Append('\n').Append("  - ").Append(a.Candidate.SourceDescription).Append(": ")
                  .Append(a.Candidate.Endpoint is null ? string.Empty : a.Candidate.Endpoint + ": ").Append(a.Failure);
            // The closing advice follows what went wrong: an engine that answered but refused TLS needs certificates, not starting.
            var tlsTrouble = attempts.Any(a => a.Failure is { } f && (f.IndexOf("TLS", StringComparison.Ordinal) >= 0 || f.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0));
            sb.Append('\n').Append(kind == OciErrorKind.Unsupported
                ? "Use a unix://, tcp:// or npipe:// endpoint (ssh:// is not supported yet)."
                : tlsTrouble
                    ? "Check the TLS material: pass -CertificatePath (or set DOCKER_CERT_PATH) to a folder with ca.pem, cert.pem and key.pem the engine trusts."
                    : "Start Docker or Podman, or point DOCKER_HOST or -Endpoint at a running engine.");
            return new OciDiscoveryException(kind, sb.ToString(), target, attempts);
        }

        private static string Seconds(TimeSpan t) => t == Timeout.InfiniteTimeSpan ? "ever" : t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }
}
