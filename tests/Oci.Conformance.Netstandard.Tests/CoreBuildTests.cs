using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace Oci.Conformance.Tests
{
    /// <summary>The suite here is only worth its run while it really exercises the netstandard2.0 build and its closure.</summary>
    public sealed class CoreBuildTests
    {
        private const string NetStandard20 = ".NETStandard,Version=v2.0";

        [Fact]
        public void Runs_the_netstandard20_build_of_Oci_Core()
        {
            var core = typeof(OciClient).Assembly;
            Assert.Equal(NetStandard20, Framework(core));
            Assert.Contains(core.GetReferencedAssemblies(), a => a.Name == "Docker.DotNet.Unix");
        }

        [Theory]
        [InlineData("Docker.DotNet")]
        [InlineData("Docker.DotNet.Unix")]
        [InlineData("Docker.DotNet.Handler.Abstractions")]
        public void Loads_the_netstandard20_Docker_DotNet_that_Windows_PowerShell_gets(string assembly) =>
            Assert.Equal(NetStandard20, Framework(Assembly.Load(assembly)));

        private static string? Framework(Assembly assembly) => assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
    }
}
