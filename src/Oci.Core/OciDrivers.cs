using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Oci
{
    /// <summary>
    /// The process-wide driver registry (Go's <c>database/sql</c> <c>Register</c>): adapters plug in by name.
    /// The built-in drivers are registered before the first lookup.
    /// </summary>
    public static class OciDrivers
    {
        private static readonly ConcurrentDictionary<string, IOciDriver> Registered = CreateWithBuiltIns();

        /// <summary>Registers <paramref name="driver"/> under <paramref name="name"/>; a name can be taken once.</summary>
        public static void Register(string name, IOciDriver driver)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new OciException(OciErrorKind.InvalidArgument, "A driver needs a name to be registered.", name);
            if (driver is null)
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot register a null driver as '{name}'.", name);
            if (!Registered.TryAdd(name.Trim(), driver))
                throw new OciException(OciErrorKind.Conflict, $"A driver named '{name}' is already registered.", name);
        }

        /// <summary>The driver registered as <paramref name="name"/> (case-insensitive).</summary>
        public static IOciDriver Get(string name)
        {
            if (TryGet(name, out var driver)) return driver!;
            throw new OciException(OciErrorKind.Unsupported,
                $"No driver named '{name}' is registered. Registered drivers: {string.Join(", ", Names)}.", name);
        }

        public static bool TryGet(string? name, out IOciDriver? driver)
        {
            driver = null;
            return !string.IsNullOrWhiteSpace(name) && Registered.TryGetValue(name!.Trim(), out driver);
        }

        /// <summary>The registered driver names, sorted.</summary>
        public static IReadOnlyList<string> Names => Registered.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

        private static ConcurrentDictionary<string, IOciDriver> CreateWithBuiltIns()
        {
            var d = new ConcurrentDictionary<string, IOciDriver>(StringComparer.OrdinalIgnoreCase);
            var docker = new Drivers.Docker.DockerDriver();
            d[docker.Name] = docker;
            d["podman"] = new Drivers.Podman.PodmanDriver();
            return d;
        }
    }
}
