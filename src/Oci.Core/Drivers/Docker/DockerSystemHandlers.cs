using System.Threading;
using System.Threading.Tasks;

namespace Oci.Drivers.Docker
{
    /// <summary>PING, VERSION and INFO of the engine.</summary>
    internal static class DockerSystemHandlers
    {
        public static async Task<OciResponse> PingAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var (api, os, roundTrip) = await c.PingAsync(cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciPing
            {
                Engine = c.Engine,
                ApiVersion = string.IsNullOrEmpty(api) ? c.ApiVersion : api!,
                OsType = string.IsNullOrEmpty(os) ? c.OsType : os,
                RoundTripMilliseconds = roundTrip.TotalMilliseconds,
            }, target: c.Endpoint.ToString());
        }

        public static async Task<OciResponse> VersionAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var v = await c.Http.GetJsonAsync("version", DockerJson.Default.VersionDto, cancellationToken).ConfigureAwait(false);
            return OciResponse.For(request, new OciEngineVersion
            {
                Engine = c.Engine,
                Version = v.Version ?? string.Empty,
                ApiVersion = v.ApiVersion ?? c.ApiVersion,
                MinApiVersion = v.MinAPIVersion,
                Os = v.Os,
                Architecture = v.Arch,
                KernelVersion = v.KernelVersion,
                GitCommit = v.GitCommit,
                GoVersion = v.GoVersion,
            }, target: c.Endpoint.ToString());
        }

        public static async Task<OciResponse> InfoAsync(DockerConnection c, OciRequest request, CancellationToken cancellationToken)
        {
            var i = await c.Http.GetJsonAsync("info", DockerJson.Default.InfoDto, cancellationToken).ConfigureAwait(false);
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
            }, target: c.Endpoint.ToString());
        }
    }
}
