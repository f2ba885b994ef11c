using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Oci
{
    /// <summary>
    /// The process-wide driver registry (Go's <c>database/sql</c> <c>Register</c>, .NET's <c>DbProviderFactories</c>):
    /// drivers plug in by name and it names none of them. The built-in drivers register themselves through
    /// <see cref="Register"/> when Oci.Core loads, like any adapter. Discovery asks the registered drivers, in
    /// registration order, which one serves what answered.
    /// </summary>
    public static class OciDrivers
    {
        private static readonly object Gate = new();
        private static IOciDriver[] _drivers = Array.Empty<IOciDriver>();

        /// <summary>Registers <paramref name="driver"/> under its <see cref="IOciDriver.Name"/>; a name can be taken once (case-insensitive).</summary>
        public static void Register(IOciDriver driver)
        {
            if (driver is null)
                throw new OciException(OciErrorKind.InvalidArgument, "Cannot register a null driver.");
            var name = driver.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name!.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new OciException(OciErrorKind.InvalidArgument, $"A driver needs a name without spaces to be registered; got '{driver.Name}'.", driver.Name);
            if (driver.Probe is null)
                throw new OciException(OciErrorKind.InvalidArgument, $"The driver '{name}' has no probe.", name);
            lock (Gate)
            {
                if (_drivers.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
                    throw new OciException(OciErrorKind.Conflict, $"A driver named '{name}' is already registered.", name);
                _drivers = _drivers.Concat(new[] { driver }).ToArray();
            }
        }

        /// <summary>The driver registered as <paramref name="name"/> (case-insensitive); Unsupported listing the registered ones when there is none.</summary>
        public static IOciDriver Get(string name)
        {
            if (TryGet(name, out var driver)) return driver!;
            throw new OciException(OciErrorKind.Unsupported,
                $"No driver named '{name}' is registered. Registered drivers: {string.Join(", ", Names)}.", name);
        }

        public static bool TryGet(string? name, out IOciDriver? driver)
        {
            var wanted = name?.Trim();
            driver = string.IsNullOrEmpty(wanted) ? null : Volatile.Read(ref _drivers).FirstOrDefault(d => string.Equals(d.Name, wanted, StringComparison.OrdinalIgnoreCase));
            return driver is not null;
        }

        /// <summary>The registered drivers, in registration order.</summary>
        public static IReadOnlyList<IOciDriver> All => Volatile.Read(ref _drivers);

        /// <summary>The registered driver names, sorted.</summary>
        public static IReadOnlyList<string> Names => All.Select(d => d.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

        /// <summary>
        /// Of <paramref name="drivers"/> (default: all registered), those sharing <paramref name="answer"/>'s probe that
        /// serve what answered, best first; empty when none does.
        /// </summary>
        public static IReadOnlyList<IOciDriver> Serving(OciProbeResult answer, IEnumerable<IOciDriver>? drivers = null)
        {
            if (answer is null) throw new ArgumentNullException(nameof(answer));
            return (drivers ?? All)
                .Where(d => ReferenceEquals(d.Probe, answer.Probe))
                .Select((d, i) => (Driver: d, Score: d.Serves(answer), Order: i))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Order)
                .Select(x => x.Driver)
                .ToArray();
        }
    }
}
