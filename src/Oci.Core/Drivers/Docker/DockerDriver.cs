namespace Oci.Drivers.Docker
{
    /// <summary>Placeholder until the Docker driver lands.</summary>
    public sealed class DockerDriver : OciDriver
    {
        public override string Name => "docker";
        public override System.Threading.Tasks.Task<IOciConnection> ConnectAsync(string endpoint, System.Threading.CancellationToken cancellationToken) =>
            throw new OciException(OciErrorKind.Unsupported, "not yet", endpoint);
    }
}
