using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Credentials
{
    /// <summary>
    /// Runs a <c>docker-credential-&lt;name&gt;</c> helper: <c>get</c> (the server URL in on stdin, JSON
    /// <c>{"ServerURL","Username","Secret"}</c> back on stdout), <c>store</c> (that JSON in) and <c>erase</c> (the URL in).
    /// Its stdout is never quoted in errors, nor the secret it was given.
    /// </summary>
    internal static class CredentialHelper
    {
        public const string Prefix = "docker-credential-";

        /// <summary>The credential, or null when the helper has none for <paramref name="serverAddress"/>.</summary>
        public static async Task<OciRegistryCredential?> GetAsync(string helper, string role, string serverAddress, OciEnvironment env, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var (exitCode, output, errors, program) = await RunAsync(helper, "get", serverAddress, role, serverAddress, env, timeout, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                if (IsNotFound(output) || IsNotFound(errors)) return null;
                throw new OciException(OciErrorKind.Unauthorized,
                    $"The credential helper {program} ({role}) failed for {serverAddress} with exit code {exitCode}" + Said(errors, output) + ".",
                    serverAddress);
            }
            return Parse(output, program, role, serverAddress);
        }

        /// <summary>Stores <paramref name="credential"/> for <paramref name="serverAddress"/> (<c>store</c>, as <c>docker login</c> does).</summary>
        public static async Task StoreAsync(string helper, string role, string serverAddress, OciRegistryCredential credential, OciEnvironment env, TimeSpan timeout, CancellationToken cancellationToken)
        {
            string input;
            using (var buffer = new System.IO.MemoryStream())
            {
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteString("ServerURL", serverAddress);
                    json.WriteString("Username", credential.IsIdentityToken ? OciRegistryCredential.TokenUsername : credential.Username);
                    json.WriteString("Secret", credential.IsIdentityToken ? credential.GetIdentityToken() : credential.GetPassword());
                    json.WriteEndObject();
                }
                input = Encoding.UTF8.GetString(buffer.ToArray());
            }
            var (exitCode, _, errors, program) = await RunAsync(helper, "store", input, role, serverAddress, env, timeout, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
                throw new OciException(OciErrorKind.EngineError,
                    $"The credential helper {program} ({role}) could not store the credentials of {serverAddress} (exit code {exitCode})" + Said(errors, input) + ".", serverAddress);
        }

        /// <summary>Erases what the helper holds for <paramref name="serverAddress"/>; false when it held nothing.</summary>
        public static async Task<bool> EraseAsync(string helper, string role, string serverAddress, OciEnvironment env, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var (exitCode, output, errors, program) = await RunAsync(helper, "erase", serverAddress, role, serverAddress, env, timeout, cancellationToken).ConfigureAwait(false);
            if (exitCode == 0) return true;
            if (IsNotFound(output) || IsNotFound(errors)) return false;
            throw new OciException(OciErrorKind.EngineError,
                $"The credential helper {program} ({role}) could not erase the credentials of {serverAddress} (exit code {exitCode})" + Said(errors, output) + ".", serverAddress);
        }

        /// <summary>
        /// Runs <c>docker-credential-&lt;helper&gt; &lt;verb&gt;</c> with <paramref name="input"/> on stdin, within
        /// <paramref name="timeout"/>; answers its exit code, stdout and stderr (for the caller to judge, never to show stdout).
        /// </summary>
        private static async Task<(int ExitCode, string Output, string Errors, string Program)> RunAsync(string helper, string verb, string input, string role, string serverAddress,
            OciEnvironment env, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var program = Prefix + helper;
            if (helper.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0 || helper.Trim().Length == 0)
                throw new OciException(OciErrorKind.InvalidArgument, $"'{helper}' ({role}) is not a valid credential helper name.", serverAddress);
            var path = ChildProcesses.Find(program, env)
                ?? throw new OciException(OciErrorKind.InvalidArgument,
                    $"Docker's configuration names the credential helper '{helper}' ({role}) for {serverAddress}, but {program} is not on PATH.", serverAddress);

            var psi = ChildProcesses.StartInfo(path, new[] { verb }, env);

            using var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);
            try
            {
                process.Start();
            }
            catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"The credential helper {path} ({role}) could not be started: {e.Message}", serverAddress, innerException: e);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            string output, errors;
            using (limit.Token.Register(() => ChildProcesses.Kill(process)))
            {
                try
                {
                    // Docker writes the bare server URL (get, erase) or the JSON credential (store), no newline.
                    var bytes = new UTF8Encoding(false).GetBytes(input);
                    await process.StandardInput.BaseStream.WriteAsync(bytes, 0, bytes.Length, limit.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The helper exited without reading stdin; its exit code tells the rest.
                }
                catch (OperationCanceledException)
                {
                }
                try
                {
                    await WhenAllOr(limit.Token, stdout, stderr, exited.Task).ConfigureAwait(false);
                }
                catch (OperationCanceledException e)
                {
                    if (cancellationToken.IsCancellationRequested)
                        throw new OciException(OciErrorKind.Cancelled, $"Asking {program} for the credentials of {serverAddress} was cancelled.", serverAddress, innerException: e);
                    throw new OciException(OciErrorKind.Timeout, $"The credential helper {program} ({role}) did not answer within {timeout.TotalSeconds:0.#} s for {serverAddress}; it was stopped.", serverAddress, innerException: e);
                }
                output = stdout.Result;
                errors = stderr.Result;
            }

            return (process.ExitCode, output, errors, program);
        }

        private static OciRegistryCredential? Parse(string output, string program, string role, string serverAddress)
        {
            string? username = null, secret = null;
            try
            {
                using var doc = JsonDocument.Parse(output);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException();
                username = OciEnvironment.NonEmpty(Json.String(doc.RootElement, "Username", program));
                secret = OciEnvironment.NonEmpty(Json.String(doc.RootElement, "Secret", program));
            }
            catch (Exception e) when (e is JsonException or FormatException or OciException)
            {
                throw new OciException(OciErrorKind.Unauthorized,
                    $"The credential helper {program} ({role}) answered for {serverAddress} with {Encoding.UTF8.GetByteCount(output)} bytes that are not the expected JSON {{\"ServerURL\",\"Username\",\"Secret\"}}.",
                    serverAddress);
            }
            if (secret is null) return null; // an empty answer: nothing stored
            if (username == OciRegistryCredential.TokenUsername)
                return OciRegistryCredential.FromIdentityToken(secret, serverAddress);
            if (username is null)
                throw new OciException(OciErrorKind.Unauthorized,
                    $"The credential helper {program} ({role}) answered for {serverAddress} with a secret but no Username.", serverAddress);
            return new OciRegistryCredential(username, secret, serverAddress);
        }

        private static bool IsNotFound(string text) => text.IndexOf("credentials not found", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The helper's stderr (first line, shortened), with anything its stdout held as a secret blanked; stdout itself is never shown.</summary>
        private static string Said(string errors, string output)
        {
            var line = errors.Replace("\r", string.Empty).Split('\n');
            var first = string.Empty;
            foreach (var l in line)
                if (l.Trim().Length > 0) { first = l.Trim(); break; }
            if (first.Length == 0) return string.Empty;
            try
            {
                using var doc = JsonDocument.Parse(output);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && Json.Property(doc.RootElement, "Secret") is { ValueKind: JsonValueKind.String } s
                    && s.GetString() is { Length: > 0 } secret)
                    first = first.Replace(secret, Secrets.Redacted);
            }
            catch (JsonException)
            {
            }
            if (first.Length > 200) first = first.Substring(0, 200) + "...";
            return ": " + first;
        }

        private static async Task WhenAllOr(CancellationToken token, params Task[] tasks)
        {
            var all = Task.WhenAll(tasks);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (token.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(all, cancelled.Task).ConfigureAwait(false) != all)
                {
                    _ = all.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observe
                    throw new OperationCanceledException(token);
                }
            }
            await all.ConfigureAwait(false);
        }
    }
}
