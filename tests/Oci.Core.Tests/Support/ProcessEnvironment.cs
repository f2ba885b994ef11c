using System;
using System.Linq;
using Xunit;

namespace Oci.Tests.Support
{
    /// <summary>
    /// Tests that set variables of the process environment (DOCKER_CONFIG, DOCKER_TLS_VERIFY, ...): the environment is
    /// shared by every test, so they run alone, after the parallel ones.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProcessEnvironmentCollection
    {
        public const string Name = "process environment";
    }

    /// <summary>Sets process environment variables and restores them on dispose.</summary>
    internal sealed class ProcessEnvironment : IDisposable
    {
        private readonly (string Name, string? Value)[] _saved;

        public ProcessEnvironment(params (string Name, string? Value)[] variables)
        {
            _saved = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
            foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
