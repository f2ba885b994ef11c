using System;
using System.Linq;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Unit
{
    public class OciDriversTests
    {
        [Fact]
        public void The_built_in_drivers_register_themselves()
        {
            Assert.Contains("docker", OciDrivers.Names);
            Assert.Contains("podman", OciDrivers.Names);
            Assert.Equal("docker", OciDrivers.Get("DOCKER").Name);
            // Registration order is preference on a tie: docker before podman.
            var names = OciDrivers.All.Select(d => d.Name).ToList();
            Assert.True(names.IndexOf("docker") < names.IndexOf("podman"));
            Assert.Same(OciDrivers.Get("docker").Probe, OciDrivers.Get("podman").Probe);
        }

        [Fact]
        public void A_registered_adapter_is_found_by_name()
        {
            var name = "mem-" + Guid.NewGuid().ToString("N");
            var driver = new MemoryDriver(name);
            OciDrivers.Register(driver);
            Assert.Same(driver, OciDrivers.Get(name));
            Assert.True(OciDrivers.TryGet(name.ToUpperInvariant(), out var found));
            Assert.Same(driver, found);
            Assert.Contains(driver, OciDrivers.All);
        }

        [Fact]
        public void Duplicates_are_refused()
        {
            var name = "dup-" + Guid.NewGuid().ToString("N");
            OciDrivers.Register(new MemoryDriver(name));
            var e = Assert.Throws<OciException>(() => OciDrivers.Register(new MemoryDriver(name.ToUpperInvariant())));
            Assert.Equal(OciErrorKind.Conflict, e.Kind);
        }

        [Fact]
        public void Nulls_and_bad_names_are_refused()
        {
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => OciDrivers.Register(null!)).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => OciDrivers.Register(new MemoryDriver(" "))).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => OciDrivers.Register(new MemoryDriver("two words"))).Kind);
        }

        [Fact]
        public void An_unknown_driver_lists_the_registered_ones()
        {
            var e = Assert.Throws<OciException>(() => OciDrivers.Get("nosuch"));
            Assert.Equal(OciErrorKind.Unsupported, e.Kind);
            Assert.Equal("nosuch", e.Target);
            Assert.Contains("docker", e.Message);
        }

        [Fact]
        public void Handlers_are_found_by_kind_and_method_case_insensitively()
        {
            var d = new MemoryDriver();
            Assert.Null(d.Handler(OciKind.Image, "FLY"));
            Assert.NotNull(d.Handler(OciKind.Engine, "ping"));
            Assert.Null(d.Handler(OciKind.Image, "ping"));
            Assert.Contains("ECHO", d.Methods(OciKind.Image));
            Assert.DoesNotContain("ECHO", d.Methods(OciKind.Container));
        }

        [Fact]
        public async System.Threading.Tasks.Task Serving_ranks_the_drivers_of_the_probe_that_answered()
        {
            var memory = new MemoryDriver("rank-memory");
            using var answer = await memory.Probe.ProbeAsync(OciEndpoint.Parse("mem://x"), new OciConnectOptions(), default);
            Assert.Equal(new IOciDriver[] { memory }, OciDrivers.Serving(answer, new IOciDriver[] { OciDrivers.Get("docker"), memory }));
            Assert.Empty(OciDrivers.Serving(answer, new IOciDriver[] { OciDrivers.Get("docker"), OciDrivers.Get("podman") }));
        }
    }
}
