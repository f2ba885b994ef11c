using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Oci.Transport;

namespace Oci.Drivers.Docker
{
    /// <summary>LIST, INSPECT, CREATE and REMOVE of networks.</summary>
    internal static class DockerNetworkHandlers
    {
        /// <summary>The networks every engine makes itself and never prunes.</summary>
        private static readonly HashSet<string> Predefined = new(StringComparer.Ordinal) { "bridge", "host", "none", "podman" };

        public static async Task<OciResponse> ListAsync(DockerConnection c, OciRequest request, OciNetworkListOptions options, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request, required: false);
            var networks = await ListAsync(c, name.Length == 0 ? null : name, options.Labels, options.Driver, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, networks, target: request.Target ?? c.Endpoint.ToString());
        }

        private static async Task<OciNetwork[]> ListAsync(DockerConnection c, string? name, IReadOnlyList<string>? labels, string? driver, CancellationToken cancellationToken)
        {
            var filters = new DockerFilters().Add("name", name).Labels(labels).Word("driver", driver);
            var list = await c.Http.GetJsonAsync("networks" + filters.Query("?"), DockerObjectJson.Default.ListNetworkDto, cancellationToken).ConfigureAwait(false);
            return list.Select(ToNetwork).OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
        }

        public static async Task<OciResponse> InspectAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request);
            var n = await c.Http.GetJsonAsync("networks/" + name, DockerObjectJson.Default.NetworkDto, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, ToNetwork(n), target: name);
        }

        /// <summary>CREATE: a network of that name; a name already taken is Conflict.</summary>
        public static async Task<OciResponse> CreateAsync(DockerConnection c, OciRequest request, OciNetworkCreateOptions options, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request);
            if (options.Driver is not null) DockerFilters.CheckWord(options.Driver, "driver");
            if (options.Gateway is not null && options.Subnet is null)
                throw new OciException(OciErrorKind.InvalidArgument, "A gateway needs a subnet: give 'subnet' too.", options.Gateway);
            var body = new NetworkCreateDto
            {
                Name = name,
                Driver = options.Driver,
                Internal = options.Internal,
                EnableIPv6 = options.EnableIPv6,
                CheckDuplicate = true,
                Labels = DockerVolumeHandlers.Copy(options.Labels),
                Options = DockerVolumeHandlers.Copy(options.Options),
                IPAM = options.Subnet is null ? null : new IpamDto
                {
                    Driver = "default",
                    Config = new List<IpamConfigDto> { new() { Subnet = Cidr(options.Subnet), Gateway = Address(options.Gateway) } },
                },
            };
            var created = await c.Http.SendJsonAsync(HttpMethod.Post, "networks/create", EngineHttp.Json(body, DockerObjectJson.Default.NetworkCreateDto), null, DockerObjectJson.Default.NetworkCreatedDto, cancellationToken).ConfigureAwait(false);
            var n = await c.Http.GetJsonAsync("networks/" + (created.Id ?? name), DockerObjectJson.Default.NetworkDto, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, ToNetwork(n), "Created", string.IsNullOrEmpty(created.Warning) ? null : new[] { created.Warning! }, target: name);
        }

        public static async Task<OciResponse> RemoveAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var name = ObjectName.Resolve(request);
            await c.Http.SendAsync(HttpMethod.Delete, "networks/" + name, null, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, null, "Removed", target: name);
        }

        /// <summary>The networks a prune with <paramref name="options"/> removes: not predefined, no container attached (asked of each), by label and age.</summary>
        internal static async Task<List<OciNetwork>> UnusedAsync(DockerConnection c, OciNetworkPruneOptions options, CancellationToken cancellationToken)
        {
            var candidates = new List<OciNetwork>();
            foreach (var listed in await ListAsync(c, null, options.Labels, null, cancellationToken).ConfigureAwait(false))
            {
                if (Predefined.Contains(listed.Name) || (options.Until is { } until && listed.Created is { } created && created >= until)) continue;
                var n = await c.Http.GetJsonAsync("networks/" + listed.Id, DockerObjectJson.Default.NetworkDto, cancellationToken).ConfigureAwait(false);
                if (n.Containers is null || n.Containers.Count == 0) candidates.Add(listed);
            }
            return candidates;
        }

        private static string Cidr(string subnet)
        {
            var slash = subnet.IndexOf('/');
            if (slash <= 0 || !IPAddress.TryParse(subnet.Substring(0, slash), out _) || !int.TryParse(subnet.Substring(slash + 1), out var bits) || bits < 0 || bits > 128)
                throw new OciException(OciErrorKind.InvalidArgument, $"'{subnet}' is not a subnet in CIDR form (e.g. 10.89.3.0/24).", subnet);
            return subnet;
        }

        private static string? Address(string? gateway)
        {
            if (gateway is not null && !IPAddress.TryParse(gateway, out _))
                throw new OciException(OciErrorKind.InvalidArgument, $"'{gateway}' is not an IP address.", gateway);
            return gateway;
        }

        internal static OciNetwork ToNetwork(NetworkDto n) => new()
        {
            Id = n.Id ?? string.Empty,
            Name = n.Name ?? string.Empty,
            Driver = n.Driver ?? string.Empty,
            Scope = n.Scope,
            Internal = n.Internal,
            EnableIPv6 = n.EnableIPv6,
            // Podman writes a gateway it did not set as "<nil>".
            Subnets = (n.IPAM?.Config ?? new List<IpamConfigDto>()).Select(x => x.Subnet).Where(s => !string.IsNullOrEmpty(s)).ToArray()!,
            Gateways = (n.IPAM?.Config ?? new List<IpamConfigDto>()).Select(x => x.Gateway).Where(g => !string.IsNullOrEmpty(g) && IPAddress.TryParse(g, out _)).ToArray()!,
            Created = DockerModels.Time(n.Created),
            Labels = n.Labels ?? new Dictionary<string, string>(),
            Options = n.Options ?? new Dictionary<string, string>(),
            Containers = (n.Containers ?? new Dictionary<string, System.Text.Json.JsonElement>()).Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray(),
        };
    }
}
