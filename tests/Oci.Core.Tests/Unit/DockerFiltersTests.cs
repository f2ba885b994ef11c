using System;
using System.Collections.Generic;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>The filters query and times the Docker-API drivers send, and what they refuse before sending.</summary>
    public class DockerFiltersTests
    {
        [Fact]
        public void Filters_are_the_engines_json_map_escaped_into_the_query()
        {
            var q = new DockerFilters().Labels(new[] { "a=b", "c" }).Bool("dangling", true).Query("?");
            Assert.Equal("?filters=" + Uri.EscapeDataString("{\"label\":{\"a=b\":true,\"c\":true},\"dangling\":{\"true\":true}}"), q);
            Assert.Equal(string.Empty, new DockerFilters().Bool("dangling", null).Labels(null).Query());
        }

        [Theory]
        [InlineData("=x")]
        [InlineData(" a")]
        [InlineData("a\nb")]
        public void Malformed_labels_are_refused_naming_them(string label)
        {
            var e = Assert.Throws<OciException>(() => new DockerFilters().Labels(new[] { label }));
            Assert.Equal((OciErrorKind.InvalidArgument, label), (e.Kind, e.Target));
        }

        [Theory]
        [InlineData("local&x=1")]
        [InlineData("a b")]
        [InlineData("")]
        public void Words_outside_the_engines_grammar_are_refused(string word) =>
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => new DockerFilters().Word("driver", word)).Kind);

        [Fact]
        public void Times_are_unix_seconds_and_whole_seconds_widen_outwards()
        {
            var t = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddMilliseconds(250);
            Assert.Equal("1700000000.25", DockerFilters.UnixSeconds(t));
            Assert.Equal("1700000000", DockerFilters.WholeSeconds(t, up: false));
            Assert.Equal("1700000001", DockerFilters.WholeSeconds(t, up: true));
            Assert.Equal("1700000000", DockerFilters.WholeSeconds(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), up: true));
        }

        [Fact]
        public void Events_query_checks_the_window_and_every_filter_before_sending()
        {
            var since = DateTimeOffset.FromUnixTimeSeconds(100);
            var q = DockerEventHandler.Query(new OciEventOptions { Since = since, Until = since.AddSeconds(5), Types = new[] { "container" } });
            Assert.StartsWith("events?since=100&until=105&filters=", q);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => DockerEventHandler.Query(new OciEventOptions { Since = since, Until = since.AddSeconds(-1) })).Kind);
            Assert.Equal(OciErrorKind.InvalidArgument, Assert.Throws<OciException>(() => DockerEventHandler.Query(new OciEventOptions
            {
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["container&x"] = new[] { "a" } },
            })).Kind);
        }

        [Fact]
        public void An_event_keeps_its_time_to_the_nanosecond_and_falls_back_to_status()
        {
            var e = DockerEventHandler.ToEvent(new EventDto { Status = "die", Id = "abc", Type = "container", TimeNano = 1_700_000_000_123_456_700 });
            Assert.Equal(("die", "abc"), (e.Action, e.ActorId));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_567), e.Time);
        }
    }
}
