using System;
using Oci.Conformance;

namespace Oci.Conformance.Tests
{
    /// <summary>Where Oci's test bed (eng/engines.sh) runs its engines and registries; the defaults match its fixed layout.</summary>
    internal static class TestBed
    {
        public static string DockerHost => Env("OCI_TEST_DOCKER_HOST", "unix:///tmp/oci-testbed/docker/docker.sock");
        public static string PodmanHost => Env("OCI_TEST_PODMAN_HOST", "unix:///tmp/oci-testbed/podman/podman.sock");
        public static string Registry => Env("OCI_TEST_REGISTRY", "127.0.0.1:5000");
        public static string AuthRegistry => Env("OCI_TEST_AUTH_REGISTRY", "127.0.0.1:5001");

        /// <summary>The test bed's sshd, as a remote host: dockerd through its DOCKER_HOST, Podman through its socket path.</summary>
        public static string SshDockerHost => Env("OCI_TEST_SSH_ENDPOINT", "ssh://root@127.0.0.1:2222");
        public static string SshPodmanHost => Env("OCI_TEST_SSH_PODMAN_ENDPOINT", "ssh://root@127.0.0.1:2222/tmp/oci-testbed/podman/podman.sock");

        /// <summary>ssh with the test bed's client config (its key, its pinned known_hosts), never the user's ~/.ssh.</summary>
        public static OciConnectOptions SshOptions => new() { Ssh = new OciSshSettings(configFile: Env("OCI_TEST_SSH_CONFIG", "/tmp/oci-testbed/ssh/client/config")) };

        /// <summary>The test bed keeps 127.0.0.1:5009 free: a stopped registry, as the engines see it.</summary>
        public const string DeadRegistry = "127.0.0.1:5009";

        public static ConformanceImages Images { get; } = ConformanceImages.ForTestBed(Registry, AuthRegistry, DeadRegistry);

        private static string Env(string name, string fallback)
        {
            var v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? fallback : v;
        }
    }
}
