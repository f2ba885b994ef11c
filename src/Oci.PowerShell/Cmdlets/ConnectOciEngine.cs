using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// <para type="synopsis">Connects to an OCI container engine and makes the connection the session default.</para>
    /// Connect-OciEngine [[-Endpoint] &lt;string&gt;] [-Driver &lt;string&gt;] [-Name &lt;string&gt;] [-CertificatePath &lt;string&gt;]
    /// [-KeyFilePath &lt;string&gt;] [-Credential &lt;PSCredential&gt;] [-SshOption &lt;string[]&gt;] [-Timeout &lt;int&gt;]
    /// </summary>
    /// <remarks>
    /// Without -Endpoint the engine is found the way <c>docker</c> and <c>podman</c> find it (<c>OciEngines.DiscoverAsync</c>):
    /// DOCKER_HOST, the Docker context (DOCKER_CONTEXT, then currentContext), CONTAINER_HOST, the Podman connection in
    /// effect, the platform default, rootless Docker, then Podman rootful and rootless, then Podman's other connections;
    /// the first that answers wins. With -Endpoint only that endpoint is tried. -KeyFilePath, -Credential (the user name)
    /// and -SshOption apply to every ssh:// place tried.
    /// The driver is chosen by what answers (Podman → podman) unless -Driver says. -Verbose lists every place tried.
    /// Name default: the next free <c>ociN</c> of the session. A -Name already used in the session is an error
    /// (<c>Oci.ConnectionNameInUse</c>), not a silent replacement: the old connection may be in use elsewhere.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Connect, "OciEngine")]
    [OutputType(typeof(OciConnection))]
    public sealed class ConnectOciEngine : OciCmdletBase
    {
        /// <summary>The engine endpoint: unix:///path, tcp://host:port, http(s)://host:port, npipe:////./pipe/name, ssh://[user@]host[:port][/socket]. Default: discovery.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointCompleter))]
        public string? Endpoint { get; set; }

        /// <summary>The driver to connect through. Default: chosen by the engine that answers (docker, or podman for Podman).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DriverNameCompleter))]
        public string? Driver { get; set; }

        /// <summary>The connection's name in the session (default: oci1, oci2, ...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>A folder holding ca.pem, cert.pem and key.pem for a TLS tcp:// endpoint (as DOCKER_CERT_PATH). Needs -Endpoint.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        /// <summary>The private key for ssh:// endpoints (ssh -i): every ssh:// place tried logs in with it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KeyFilePath { get; set; }

        /// <summary>The ssh user for ssh:// endpoints that name none. Only the user name is used: ssh runs in batch mode and cannot take a password.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Extra ssh options for ssh:// endpoints, each Name=value (ssh -o), e.g. UserKnownHostsFile=/path/known_hosts.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? SshOption { get; set; }

        /// <summary>
        /// The connect timeout in seconds (the core's one connect timeout, OciConnectOptions.ConnectTimeout): how long the
        /// endpoint, or an ssh:// place, may take to answer; a discovered local place gets a fifth of it. Default 10.
        /// </summary>
        [Parameter]
        [Alias("TimeoutSec")]
        public int? Timeout { get; set; }

        protected override void EndProcessing()
        {
            var session = Session;
            var name = Name?.Trim();
            if (name is not null)
            {
                if (name.Length > OciLimits.MaxNameLength)
                    ThrowTerminatingError(OciErrors.InvalidArgument($"The connection name is {name.Length} characters long; at most {OciLimits.MaxNameLength} are accepted.", name.Substring(0, 100) + "…"));
                if (name.Length == 0 || WildcardPattern.ContainsWildcardCharacters(name))
                    ThrowTerminatingError(OciErrors.InvalidArgument($"'{Name}' is not a valid connection name: a name cannot contain the wildcard characters *, ?, [ or ].", Name));
                if (session.Contains(name))
                    ThrowTerminatingError(OciErrors.ConnectionNameInUse(name));
            }
            var endpoint = Endpoint?.Trim();
            if (endpoint is { Length: 0 }) endpoint = null;
            if (Driver is not null) Checked(() => OciDrivers.Get(Driver), Driver);

            var options = new OciDiscoveryOptions { Endpoint = endpoint, Driver = Driver, Tls = CertificateSettings(endpoint), Ssh = SshSettings(endpoint) };
            if (Timeout is { } seconds)
                Checked(() => options.ConnectTimeout = TimeSpan.FromSeconds(seconds), seconds);

            var timeout = Times.Seconds(options.ConnectTimeout);
            WriteVerbose(endpoint is null
                ? "Looking for a container engine: DOCKER_HOST, the Docker context (DOCKER_CONTEXT, then currentContext), CONTAINER_HOST, the Podman connection in effect, the platform default, rootless Docker, then Podman (rootful, rootless), then Podman's other connections; the first that answers wins " +
                  $"(each ping within {Times.Seconds(options.ProbeTimeout)} s, an ssh:// place within the connect timeout, {timeout} s)."
                : $"Connecting to {endpoint}{(options.Tls is null ? string.Empty : " with " + options.Tls)}{(options.Ssh is null ? string.Empty : " with " + options.Ssh)} (connect timeout {timeout} s).");

            var result = Invoke(ct => OciEngines.DiscoverAsync(options, ct), endpoint, terminating: true, describe: e =>
            {
                if (e is not OciDiscoveryException discovery) return OciErrors.From(e, endpoint ?? e.Target);
                WriteAttempts(discovery.Attempts);
                return DiscoveryFailed(discovery, endpoint);
            })!;

            WriteAttempts(result.Attempts);
            var candidate = result.Candidate;
            var connection = new OciConnection(name ?? session.NextName(), result.Client, session, ConnectionSource.ShortName(candidate));
            if (!session.TryAdd(connection))
            {
                result.Client.Dispose();
                ThrowTerminatingError(OciErrors.ConnectionNameInUse(connection.Name));
            }
            if (VerboseWanted)
                WriteVerbose($"Connected to {connection.Engine} {connection.EngineVersion} (API {connection.ApiVersion}) at {connection.Endpoint} " +
                             $"({candidate.SourceDescription}{(candidate.Tls is null ? string.Empty : ", " + candidate.Tls)}) through the {connection.Driver} driver " +
                             $"as '{connection.Name}', now the session default.");
            WarnPassedOver(result);
            WriteObject(connection);
        }

        /// <summary>
        /// A warning for each place the user configured (DOCKER_HOST, a Docker context, CONTAINER_HOST, the Podman connection
        /// in effect) that did not answer when a later one did: the connection is not where docker or podman would have gone
        /// (an ssh:// host that refused the key, a stopped remote engine).
        /// </summary>
        private void WarnPassedOver(OciDiscoveryResult result)
        {
            foreach (var a in result.Attempts)
            {
                if (a.Succeeded || a.Candidate.Source is not (OciEndpointSource.DockerHost or OciEndpointSource.DockerContext
                        or OciEndpointSource.ContainerHost or OciEndpointSource.PodmanDefaultConnection)) continue;
                WriteWarning($"{a.Candidate.SourceDescription} ({a.Candidate.EndpointText ?? "no endpoint"}) was passed over: {a.Failure}. " +
                             $"Connected to {result.Candidate.Endpoint} ({result.Candidate.SourceDescription}) instead.");
            }
        }

        /// <summary>The TLS settings -CertificatePath asks for; null without it. Invalid uses are terminating InvalidArgument errors.</summary>
        private OciTlsSettings? CertificateSettings(string? endpoint)
        {
            if (CertificatePath is null) return null;
            if (endpoint is null)
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    "-CertificatePath applies to the endpoint given with -Endpoint; give that too. (For DOCKER_HOST, set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH instead.)",
                    CertificatePath));
            if (!OciEndpoint.TryParse(endpoint, out var parsed, out _) || !parsed!.TakesTls)
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    $"-CertificatePath applies to tcp:// and https:// endpoints only; {endpoint} is not one.", CertificatePath));
            string path;
            try
            {
                path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath);
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                ThrowTerminatingError(OciErrors.InvalidArgument($"-CertificatePath '{CertificatePath}' is not a file-system folder: {e.Message}", CertificatePath));
                return null;
            }
            if (!Directory.Exists(path))
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    $"The certificate folder '{path}' (-CertificatePath) does not exist. Give the folder that holds ca.pem, cert.pem and key.pem.", CertificatePath));
            var tls = OciTlsSettings.FromDirectory(path, verify: true, source: "-CertificatePath " + path);
            if (!tls.HasFiles)
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    $"The certificate folder '{path}' (-CertificatePath) holds none of ca.pem, cert.pem and key.pem.", CertificatePath));
            return tls;
        }

        /// <summary>
        /// The ssh settings -KeyFilePath, -Credential (its user name) and -SshOption ask for, with -Driver podman asking the
        /// remote's podman first; null without any. Invalid uses are terminating InvalidArgument errors.
        /// </summary>
        private OciSshSettings? SshSettings(string? endpoint)
        {
            var user = Credential is null || ReferenceEquals(Credential, PSCredential.Empty) ? null : Credential.UserName;
            var podmanFirst = string.Equals(Driver?.Trim(), OciSshSettings.PodmanCli, StringComparison.OrdinalIgnoreCase);
            if (KeyFilePath is null && user is null && SshOption is null)
                return podmanFirst ? new OciSshSettings(remoteCli: OciSshSettings.PodmanCli, source: "-Driver podman") : null;
            var given = KeyFilePath is not null ? "-KeyFilePath" : user is not null ? "-Credential" : "-SshOption";
            var target = KeyFilePath ?? user ?? string.Join(", ", SshOption!);
            if (endpoint is not null && (!OciEndpoint.TryParse(endpoint, out var parsed, out _) || !parsed!.IsSsh))
                ThrowTerminatingError(OciErrors.InvalidArgument($"{given} applies to ssh:// endpoints only; {endpoint} is not one.", target));
            if (Credential is not null && Credential.Password is { Length: > 0 })
                ThrowTerminatingError(OciErrors.InvalidArgument(
                    "-Credential gives ssh the user name only: ssh runs in batch mode (it never prompts) and cannot log in with a password. " +
                    "Log in with a key instead: -KeyFilePath, or a key in ssh-agent (a key with a passphrase needs ssh-agent). Pass the credential with an empty password.", user));
            string? key = null;
            if (KeyFilePath is not null)
            {
                try
                {
                    key = SessionState.Path.GetUnresolvedProviderPathFromPSPath(KeyFilePath);
                }
                catch (Exception e) when (e is not PipelineStoppedException)
                {
                    ThrowTerminatingError(OciErrors.InvalidArgument($"-KeyFilePath '{KeyFilePath}' is not a file-system path: {e.Message}", KeyFilePath));
                }
                if (!File.Exists(key))
                    ThrowTerminatingError(OciErrors.InvalidArgument($"The ssh key file '{key}' (-KeyFilePath) does not exist. Give the private key (for example ~/.ssh/id_ed25519), not the .pub file.", KeyFilePath));
            }
            // A value the settings refuse is named by the error itself (the one bad option, say), so no target is imposed.
            return Checked(() => new OciSshSettings(key, user, SshOption, remoteCli: podmanFirst ? OciSshSettings.PodmanCli : null,
                source: string.Join(", ", new[] { KeyFilePath is null ? null : "-KeyFilePath", user is null ? null : "-Credential", SshOption is null ? null : "-SshOption" }.Where(x => x is not null))), null);
        }

        /// <summary>One verbose line per place tried: where it came from, the endpoint, and what happened.</summary>
        private void WriteAttempts(System.Collections.Generic.IReadOnlyList<OciEndpointAttempt> attempts)
        {
            if (!VerboseWanted) return;
            for (var i = 0; i < attempts.Count; i++)
            {
                var a = attempts[i];
                var ms = a.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                var outcome = a.Succeeded
                    ? $"{a.Engine} answered; connected through the {a.Driver} driver ({ms} ms)"
                    : (a.Probed ? "failed: " : "skipped: ") + a.Failure + $" ({ms} ms)";
                WriteVerbose($"[{i + 1}/{attempts.Count}] {a.Candidate.SourceDescription}: {a.Candidate.Endpoint?.ToString() ?? a.Candidate.EndpointText ?? "(no endpoint)"}: {outcome}");
            }
        }

        /// <summary>The one error when nothing answered: the core's message lists every place tried and why.</summary>
        private static ErrorRecord DiscoveryFailed(OciDiscoveryException e, string? endpoint)
        {
            var target = endpoint
                ?? e.Attempts.FirstOrDefault(a => a.FailureKind == OciErrorKind.Unsupported)?.Candidate.EndpointText
                ?? e.Target;
            var record = OciErrors.From(e, target);
            var ssh = e.Attempts.FirstOrDefault(a => a.Probed && a.Candidate.Endpoint is { IsSsh: true });
            if (ssh is not null)
            {
                var place = ssh.Candidate.Endpoint!;
                record.ErrorDetails.RecommendedAction = ssh.Failure?.IndexOf("no 'ssh' on PATH", StringComparison.Ordinal) >= 0
                    ? "Install the OpenSSH client (ssh) and make sure it is on PATH, then run Connect-OciEngine again."
                    : $"Check that 'ssh {(place.Port > 0 ? $"-p {place.Port} " : string.Empty)}{(place.User is null ? string.Empty : place.User + "@")}{place.Host} docker version' (or podman version) works without a prompt: " +
                      "the key given with -KeyFilePath or loaded in ssh-agent, the host key in known_hosts, and the engine's CLI on the remote PATH.";
            }
            else if (e.Kind != OciErrorKind.InvalidArgument && e.Kind != OciErrorKind.Unsupported)
            {
                var tcp = e.Attempts.FirstOrDefault(a => a.Probed && a.Candidate.Endpoint is { TakesTls: true });
                if (tcp is not null && tcp.Candidate.Tls is null)
                    record.ErrorDetails.RecommendedAction =
                        $"If the engine at {tcp.Candidate.Endpoint} uses TLS (usually port 2376), pass -CertificatePath with the folder holding ca.pem, cert.pem and key.pem, or set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH.";
                else if (tcp?.Candidate.Tls is { } tls)
                    record.ErrorDetails.RecommendedAction =
                        $"Check the TLS material ({tls}): ca.pem must be the CA that signed the engine's certificate, and cert.pem and key.pem a client certificate the engine trusts.";
            }
            return record;
        }
    }
}
