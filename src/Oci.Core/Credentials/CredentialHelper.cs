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
    /// Runs a <c>docker-credential-&lt;name&gt; get</c> helper: the server URL goes in on stdin, JSON
    /// <c>{"ServerURL","Username","Secret"}</c> comes back on stdout. Its stdout is never quoted in errors.
    /// </summary>
    internal static class CredentialHelper
    {
        public const string Prefix = "docker-credential-";

        /// <summary>The credential, or null when the helper has none for <paramref name="serverAddress"/>.</summary>
        public static async Task<OciRegistryCredential?> GetAsync(string helper, string role, string serverAddress, OciEnvironment env, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var program = Prefix + helper;
            if (helper.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0 || helper.Trim().Length == 0)
                throw new OciException(OciErrorKind.InvalidArgument, $"'{helper}' ({role}) is not a valid credential helper name.", serverAddress);
            var path = ChildProcesses.Find(program, env)
                ?? throw new OciException(OciErrorKind.InvalidArgument,
                    $"Docker's configuration names the credential helper '{helper}' ({role}) for {serverAddress}, but {program} is not on PATH.", serverAddress);

            var psi = ChildProcesses.StartInfo(path, new[] { "get" }, env);

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
                    // Docker writes the bare server URL, no newline.
                    var input = new UTF8Encoding(false).GetBytes(serverAddress);
                    await process.StandardInput.BaseStream.WriteAsync(input, 0, input.Length, limit.Token).ConfigureAwait(false);
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

            var exitCode = process.ExitCode;
            if (exitCode != 0)
            {
                if (IsNotFound(output) || IsNotFound(errors)) return null;
                throw new OciException(OciErrorKind.Unauthorized,
                    $"The credential helper {program} ({role}) failed for {serverAddress} with exit code {exitCode}" + Said(errors, output) + ".",
                    serverAddress);
            }
            return Parse(output, program, role, serverAddress);
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
