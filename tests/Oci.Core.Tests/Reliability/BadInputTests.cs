using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Reliability
{
    /// <summary>Two recording engines of the suite's own, one answering as dockerd and one as Podman, each with a client of its driver.</summary>
    public sealed class RecordingEngines : IAsyncLifetime
    {
        private FakeEngine? _docker;
        private FakeEngine? _podman;

        public OciClient Docker { get; private set; } = null!;
        public OciClient Podman { get; private set; } = null!;

        internal FakeEngine EngineOf(string driver) => driver == "docker" ? _docker! : _podman!;

        public OciClient ClientOf(string driver) => driver == "docker" ? Docker : Podman;

        public async Task InitializeAsync()
        {
            _docker = new FakeEngine();
            _podman = new FakeEngine(podman: true);
            Docker = await OciClient.ConnectAsync("docker", _docker.Endpoint);
            Podman = await OciClient.ConnectAsync("podman", _podman.Endpoint);
        }

        public async Task DisposeAsync()
        {
            await Docker.DisposeAsync();
            await Podman.DisposeAsync();
            await _docker!.DisposeAsync();
            await _podman!.DisposeAsync();
        }
    }

    /// <summary>
    /// The core's bad-input suite: every case of <see cref="BadInputCases"/> on the docker and the podman driver fails with
    /// exactly its error kind, in a message of sane length, and nothing reaches the engine (the recording engine's request
    /// count does not move).
    /// </summary>
    public sealed class BadInputTests : IClassFixture<RecordingEngines>
    {
        private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
        private readonly RecordingEngines _engines;

        public BadInputTests(RecordingEngines engines) => _engines = engines;

        public static IEnumerable<object[]> Cases =>
            from c in BadInputCases.All
            from driver in new[] { "docker", "podman" }
            select new object[] { c.Name, driver };

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Is_refused_with_its_kind_before_anything_is_sent(string name, string driver)
        {
            var c = BadInputCases.ByName[name];
            var client = _engines.ClientOf(driver);
            var engine = _engines.EngineOf(driver);
            var before = engine.RequestLines.ToArray();
            var e = await Assert.ThrowsAnyAsync<OciException>(() => c.Run(client).WaitAsync(Guard));
            Assert.True(c.Kind == e.Kind, $"expected {c.Kind}, got {e.Kind}: {e.Message}");
            Assert.True(e.Message.Length < 2048, $"a {e.Message.Length}-character message");
            Assert.Equal(before, engine.RequestLines.ToArray());
        }

        [Fact]
        public void The_table_has_at_least_200_distinct_cases()
        {
            Assert.True(BadInputCases.All.Count >= 200, $"{BadInputCases.All.Count} cases");
            Assert.Equal(BadInputCases.All.Count, BadInputCases.ByName.Count);
        }

        [Fact]
        public async Task The_recording_engines_count_what_reaches_them()
        {
            // The suite's own check: a request that is sent shows in the engine's record.
            foreach (var driver in new[] { "docker", "podman" })
            {
                var engine = _engines.EngineOf(driver);
                var before = engine.RequestLines.Count;
                await _engines.ClientOf(driver).ExecuteAsync(new OciRequest(OciMethods.Ping, OciKind.Engine));
                Assert.Equal(before + 1, engine.RequestLines.Count);
            }
        }
    }
}
