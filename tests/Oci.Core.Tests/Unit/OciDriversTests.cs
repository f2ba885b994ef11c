using System;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Unit
{
    public class OciDriversTests
    {
        [Fact]
        public void Docker_is_built_in()
        {
            Assert.Contains("docker", OciDrivers.Names);
            Assert.Equal("docker", OciDrivers.Get("DOCKER").Name);
        }

        [Fact]
        public void A_registered_adapter_is_found_by_name()
        {
            var name = "mem-" + Guid.NewGuid().ToString("N");
            var driver = new MemoryDriver(name);
            OciDrivers.Register(name, driver);
            Assert.Same(driver, OciDrivers.Get(name));
            Assert.True(OciDrivers.TryGet(name.ToUpperInvariant(), out var found));
            Assert.Same(driver, found);
        }

        [Fact]
        public void Duplicates_are_refused()
        {
            var name = "dup-" + Guid.NewGuid().ToString("N");
            OciDrivers.Register(name, new MemoryDriver(name));
            var e = Assert.Throws<OciException>(() => OciDrivers.Register(name.ToUpperInvariant(), new MemoryDriver(name)));
            Assert.Equal(OciErrorKind.Conflict, e.Kind);
        }

        [Fact]
        public void Nulls_are_refused()
        {
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => OciDrivers.Register("x-null", null!)).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => OciDrivers.Register(null!, new MemoryDriver())).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => OciDrivers.Register(" ", new MemoryDriver())).Kind);
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
        public void Handler_is_null_for_an_unsupported_method_and_case_insensitive_otherwise()
        {
            var d = new MemoryDriver();
            Assert.Null(d.Handler("FLY"));
            Assert.NotNull(d.Handler("ping"));
            Assert.Contains("ECHO", d.Methods);
        }

        [Fact]
        public async System.Threading.Tasks.Task HandlerFunc_adapts_a_delegate()
        {
            OciHandlerFunc f = new Func<OciRequest, System.Threading.CancellationToken, System.Threading.Tasks.Task<OciResponse>>(
                (r, ct) => System.Threading.Tasks.Task.FromResult(OciResponse.For(r, 42)));
            IOciHandler h = f;
            var response = await h.ServeAsync(new OciRequest("X"), default);
            Assert.Equal(42, response.Data);
        }
    }
}
