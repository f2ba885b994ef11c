using System;

namespace Oci.Benchmarks.Clients
{
    /// <summary>An engine of the test bed the benchmarks run against: where it listens and what it is asked.</summary>
    public sealed class BenchEngine
    {
        /// <summary>The repository the LIST benchmark's images are seeded under (<see cref="Seeding.ListImages"/>).</summary>
        public const string ListRepository = "oci-bench/list";

        private BenchEngine(string name, string driver, string endpoint, int listSize)
        {
            ListSize = listSize;
            Name = name;
            Driver = driver;
            Endpoint = endpoint;
            SocketPath = endpoint.StartsWith("unix://", StringComparison.Ordinal)
                ? endpoint.Substring("unix://".Length)
                : throw new InvalidOperationException($"The benchmarks need unix-socket engines; {endpoint} is not one.");
        }

        /// <summary>
        /// How many images are seeded for LIST: 1,000 on dockerd; 200 on Podman, whose 4.3 list of 1,000 took from half a
        /// second to over 20 s on this 2-core machine under the other engineers' load (it inspects every image's layers).
        /// </summary>
        public int ListSize { get; }

        /// <summary>dockerd or podman.</summary>
        public string Name { get; }

        /// <summary>The Oci driver that serves it.</summary>
        public string Driver { get; }

        public string Endpoint { get; }

        public string SocketPath { get; }

        /// <summary>The image INSPECT asks for (the test bed's small image, pulled by the seeding).</summary>
        public static string InspectImage => Registry + "/small:latest";

        /// <summary>The test bed's open registry (<c>eng/engines.sh env</c>).</summary>
        public static string Registry => Env("OCI_TEST_REGISTRY", "127.0.0.1:5000");

        public static BenchEngine Dockerd { get; } = new("dockerd", "docker", Env("OCI_TEST_DOCKER_HOST", "unix:///tmp/oci-testbed/docker/docker.sock"), 1000);

        public static BenchEngine Podman { get; } = new("podman", "podman", Env("OCI_TEST_PODMAN_HOST", "unix:///tmp/oci-testbed/podman/podman.sock"), 200);

        public static BenchEngine[] All => new[] { Dockerd, Podman };

        public static BenchEngine Named(string name) =>
            Array.Find(All, e => e.Name == name) ?? throw new ArgumentException($"No engine '{name}' (dockerd, podman).");

        public override string ToString() => Name;

        private static string Env(string name, string fallback) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
    }
}
