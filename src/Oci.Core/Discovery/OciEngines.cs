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
    /// Connects to whichever engine answers first in the discovery order (<see cref="OciEndpointDiscovery"/>), as
    /// <c>Connect-OciEngine</c> does without <c>-Endpoint</c>. Each candidate is probed once by the probes of the
    /// registered drivers that can reach it; the drivers sharing the probe that got an answer then say which of them
    /// serves what answered, and the best connects over what the probe opened. Nothing here names a driver.
    /// </summary>
    public static class OciEngines
    {
        /// <summary>
        /// Tries the candidates in order and returns a client for the first that answers. A missing socket file is
        /// passed over without a network call; each probe is bounded by <see cref="OciDiscoveryOptions.ProbeTimeout"/>
        /// (the explicit endpoint's and ssh:// ones' by <see cref="OciDiscoveryOptions.ConnectTimeout"/>). When nothing
        /// answers, one <see cref="OciDiscoveryException"/> (EngineUnavailable; Unsupported when an endpoint the user
        /// configured has a scheme no registered driver reaches) lists every attempt.
        /// </summary>
        public static async Task<OciClient> ConnectAsync(OciDiscoveryOptions? options = null, CancellationToken cancellationToken = default) =>
            (await DiscoverAsync(options, cancellationToken).ConfigureAwait(false)).Client;

        /// <summary>As <see cref="ConnectAsync"/>, and tells which candidate answered and why the ones before it did not.</summary>
        public static async Task<OciDiscoveryResult> DiscoverAsync(OciDiscoveryOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new OciDiscoveryOptions();
            var env = options.Environment ?? OciEnvironment.Current;
            var drivers = options.Drivers ?? OciDrivers.All;
            if (OciEnvironment.NonEmpty(options.Driver?.Trim()) is { } forcedName)
            {
                var forced = drivers.FirstOrDefault(d => string.Equals(d.Name, forcedName, StringComparison.OrdinalIgnoreCase))
                    ?? throw new OciException(OciErrorKind.Unsupported,
                        $"No driver named '{forcedName}' is registered. Registered drivers: {string.Join(", ", drivers.Select(d => d.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))}.", forcedName);
                drivers = new[] { forced };
            }

            var candidates = OciEndpointDiscovery.GetCandidates(options);
            var attempts = new List<OciEndpointAttempt>(candidates.Count);
            foreach (var candidate in candidates)
            {
                ThrowIfCancelled(cancellationToken);
                var timeout = candidate.Source == OciEndpointSource.Explicit || candidate.Endpoint is { IsSsh: true } ? options.ConnectTimeout : options.ProbeTimeout;
                var (client, attempt) = await TryAsync(candidate, env, drivers, timeout, options.Ssh, cancellationToken).ConfigureAwait(false);
                attempts.Add(attempt);
                if (client is not null) return new OciDiscoveryResult(client, candidate, attempts);
            }
            throw NothingAnswered(attempts, options.Endpoint);
        }

        private static async Task<(OciClient?, OciEndpointAttempt)> TryAsync(OciEndpointCandidate candidate, OciEnvironment env, IReadOnlyList<IOciDriver> drivers,
            TimeSpan timeout, OciSshSettings? ssh, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            OciEndpointAttempt Failed(bool probed, OciErrorKind kind, string why, string? driver = null, string? engine = null) =>
                new(candidate, probed, watch.Elapsed, driver, engine, kind, why);

            if (candidate.Problem is not null || candidate.Endpoint is null)
                return (null, Failed(false, OciErrorKind.InvalidArgument, candidate.Problem ?? "no endpoint"));
            var endpoint = candidate.Endpoint;
            if (endpoint.IsUnixSocket && !env.FileExists(endpoint.Path!))
                return (null, Failed(false, OciErrorKind.EngineUnavailable, $"no socket at {endpoint.Path}"));
            if (endpoint.IsNamedPipe && env.NamedPipeExists(endpoint.Path!) == false)
                return (null, Failed(false, OciErrorKind.EngineUnavailable, $"no named pipe {endpoint.Path}"));

            var probes = drivers.Select(d => d.Probe).Where(p => p.CanProbe(endpoint)).Distinct().ToList();
            if (probes.Count == 0)
                return (null, endpoint.IsKnownScheme
                    ? Failed(false, OciErrorKind.Unsupported, $"none of the drivers tried ({string.Join(", ", drivers.Select(d => d.Name))}) reaches {endpoint.Scheme}:// endpoints")
                    : Failed(false, OciErrorKind.InvalidArgument, $"no registered driver takes {endpoint.Scheme}:// endpoints"));

            var failure = Failed(true, OciErrorKind.EngineUnavailable, "nothing answered");
            foreach (var probe in probes)
            {
                OciProbeResult answer;
                try
                {
                    answer = await OciClient.ProbeAsync(probe, endpoint, candidate.ConnectOptions(env, timeout, ssh), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    ThrowIfCancelled(cancellationToken);
                    throw; // unreachable
                }
                catch (OciException e)
                {
                    failure = Failed(true, e.Kind, Why(e));
                    continue;
                }
                catch (Exception e)
                {
                    // A transport that cannot be built here (a named pipe off Windows, say).
                    failure = Failed(true, OciErrorKind.EngineUnavailable, Exceptions.Innermost(e).Message.TrimEnd('.'));
                    continue;
                }

                var serving = OciDrivers.Serving(answer, drivers);
                if (serving.Count == 0)
                {
                    answer.Dispose();
                    failure = Failed(true, OciErrorKind.Unsupported,
                        $"{answer.Engine} {answer.EngineVersion} answered, but the {string.Join(", ", drivers.Select(d => d.Name))} driver does not serve it".Replace("  ", " "), drivers.Count == 1 ? drivers[0].Name : null, answer.Engine);
                    continue;
                }
                try
                {
                    var client = await OciClient.ConnectAsync(serving[0], answer, cancellationToken).ConfigureAwait(false);
                    return (client, new OciEndpointAttempt(candidate, true, watch.Elapsed, client.Driver.Name, client.Connection.Engine, null, null));
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    ThrowIfCancelled(cancellationToken);
                    throw; // unreachable
                }
                catch (OciException e)
                {
                    failure = Failed(true, e.Kind, $"{answer.Engine} answered, but the {serving[0].Name} driver could not connect: {Why(e)}", serving[0].Name, answer.Engine);
                }
            }
            return (null, failure);
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
            static bool Configured(OciEndpointSource s) =>
                s is OciEndpointSource.Explicit or OciEndpointSource.DockerHost or OciEndpointSource.DockerContext or OciEndpointSource.ContainerHost or OciEndpointSource.PodmanDefaultConnection;
            if (attempts.Any(a => a.FailureKind == OciErrorKind.Unsupported && !a.Probed && Configured(a.Candidate.Source)))
                kind = OciErrorKind.Unsupported;
            else if (attempts.Count == 1 && attempts[0].FailureKind is { } only && only != OciErrorKind.EngineUnavailable && attempts[0].Candidate.Source == OciEndpointSource.Explicit)
                kind = only; // the one place asked for said exactly what is wrong (bad endpoint or TLS files, a refused certificate, a driver mismatch)

            var sb = new StringBuilder();
            sb.Append(attempts.Count == 1 ? "No container engine answered at the one place tried:" : $"No container engine answered; tried {attempts.Count} places, in order:");
            foreach (var a in attempts)
                sb.Append('\n').Append("  - ").Append(a.Candidate.SourceDescription).Append(": ")
                  .Append(a.Candidate.EndpointText is null ? string.Empty : (a.Candidate.Endpoint?.ToString() ?? a.Candidate.EndpointText) + ": ").Append(a.Failure);
            // The closing advice follows what went wrong: an engine that answered but refused TLS needs certificates, not
            // starting; an ssh place that was reached but refused needs ssh set up as `ssh host docker version` would.
            var tlsTrouble = attempts.Any(a => a.Failure is { } f && (f.IndexOf("TLS", StringComparison.Ordinal) >= 0 || f.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0));
            var sshTrouble = attempts.Any(a => a.Probed && a.Candidate.Endpoint is { IsSsh: true } && Configured(a.Candidate.Source));
            sb.Append('\n').Append(kind == OciErrorKind.Unsupported && attempts.Any(a => !a.Probed && a.FailureKind == OciErrorKind.Unsupported)
                ? "Use an endpoint a registered driver reaches (unix://, tcp://, npipe://, ssh://)."
                : tlsTrouble
                    ? "Check the TLS material: pass -CertificatePath (or set DOCKER_CERT_PATH) to a folder with ca.pem, cert.pem and key.pem the engine trusts."
                    : sshTrouble
                        ? "Check the ssh connection: `ssh [-p port] user@host docker version` (or podman) must work without a prompt, with the key given (-KeyFilePath) or in ssh-agent and the host key in known_hosts."
                        : "Start Docker or Podman, or point DOCKER_HOST or -Endpoint at a running engine.");
            return new OciDiscoveryException(kind, sb.ToString(), target, attempts);
        }
    }
}
