using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>PING, VERSION and INFO.</summary>
    internal static class DockerSystemHandlers
    {
        public static async Task<OciResponse> PingAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters();
            var ping = await c.PingAsync(cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciPing
            {
                Engine = ping.Engine,
                ApiVersion = ping.ApiVersion ?? c.ApiVersion,
                OsType = ping.OsType ?? c.OsType,
                RoundTripMilliseconds = ping.RoundTrip.TotalMilliseconds,
            }, target: c.Endpoint);
        }

        public static async Task<OciResponse> VersionAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters();
            var v = await c.RunAsync("Version", c.Endpoint, (client, ct) => client.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciEngineVersion
            {
                Engine = c.Engine,
                Version = v.Version ?? string.Empty,
                ApiVersion = v.APIVersion ?? c.ApiVersion,
                MinApiVersion = v.MinAPIVersion,
                Os = v.Os,
                Architecture = v.Arch,
                KernelVersion = v.KernelVersion,
                GitCommit = v.GitCommit,
                GoVersion = v.GoVersion,
            }, target: c.Endpoint);
        }

        public static async Task<OciResponse> InfoAsync(OciRequest request, CancellationToken cancellationToken)
        {
            var c = DockerConnection.From(request);
            request.EnsureOnlyParameters();
            var i = await c.RunAsync("Info", c.Endpoint, (client, ct) => client.System.GetSystemInfoAsync(ct), cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciEngineInfo
            {
                Engine = c.Engine,
                Name = i.Name,
                ServerVersion = i.ServerVersion,
                OperatingSystem = i.OperatingSystem,
                OsType = i.OSType,
                Architecture = i.Architecture,
                KernelVersion = i.KernelVersion,
                Cpus = i.NCPU,
                MemoryBytes = i.MemTotal,
                Images = i.Images,
                Containers = i.Containers,
                ContainersRunning = i.ContainersRunning,
                StorageDriver = i.Driver,
                CgroupDriver = i.CgroupDriver,
                RootDirectory = i.DockerRootDir,
            }, target: c.Endpoint);
        }
    }
}
