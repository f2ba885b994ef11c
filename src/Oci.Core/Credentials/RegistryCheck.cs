using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.Credentials
{
    /// <summary>
    /// Checks a credential against a registry's <c>/v2/</c> endpoint from this machine, as <c>podman login</c> itself does
    /// (basic auth, or a bearer token from the realm the registry names). Used where the engine cannot check it for us.
    /// </summary>
    internal static class RegistryCheck
    {
        private static readonly Regex Param = new("(\\w+)=\"([^\"]*)\"", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>Unauthorized when the registry refuses <paramref name="credential"/>; RegistryUnavailable when it cannot be reached.</summary>
        public static async Task CheckAsync(string registry, bool plainHttp, OciRegistryCredential credential, CancellationToken cancellationToken)
        {
            var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                (credential.IsIdentityToken ? OciRegistryCredential.TokenUsername : credential.Username) + ":" + (credential.IsIdentityToken ? credential.GetIdentityToken() : credential.GetPassword()))));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var url = (plainHttp ? "http://" : "https://") + registry + "/v2/";
            try
            {
                using var first = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (first.IsSuccessStatusCode) return; // an open registry takes anyone
                var challenge = first.Headers.WwwAuthenticate.FirstOrDefault();
                if (first.StatusCode != HttpStatusCode.Unauthorized || challenge is null) throw Failed(registry, $"it answered HTTP {(int)first.StatusCode} to /v2/");
                HttpRequestMessage second;
                if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
                {
                    var p = Param.Matches(challenge.Parameter ?? string.Empty).Cast<Match>().ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
                    if (!p.TryGetValue("realm", out var realm)) throw Failed(registry, "its bearer challenge names no realm");
                    var tokenUrl = realm + (p.TryGetValue("service", out var service) ? (realm.Contains("?") ? "&" : "?") + "service=" + Uri.EscapeDataString(service) : string.Empty);
                    second = new HttpRequestMessage(HttpMethod.Get, tokenUrl);
                }
                else
                {
                    second = new HttpRequestMessage(HttpMethod.Get, url);
                }
                second.Headers.Authorization = basic;
                using (second)
                using (var answer = await http.SendAsync(second, cancellationToken).ConfigureAwait(false))
                {
                    if (answer.IsSuccessStatusCode) return;
                    if (answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                        throw new OciException(OciErrorKind.Unauthorized, $"Login to {registry} failed: the registry refused the credentials of user '{credential.Username}' ({(int)answer.StatusCode}).", registry,
                            $"{(int)answer.StatusCode} {answer.ReasonPhrase}", (int)answer.StatusCode);
                    throw Failed(registry, $"it answered HTTP {(int)answer.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                throw new OciException(OciErrorKind.RegistryUnavailable, $"Login to {registry} failed: the registry cannot be reached ({Exceptions.Innermost(e).Message}).", registry, innerException: e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OciException(OciErrorKind.Timeout, $"Login to {registry} timed out.", registry, innerException: e);
            }
        }

        private static OciException Failed(string registry, string why) =>
            new(OciErrorKind.RegistryUnavailable, $"Login to {registry} failed: {why}.", registry, why);
    }
}
