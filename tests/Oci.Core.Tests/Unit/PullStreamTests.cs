using System.Collections.Generic;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>How the engine's pull stream lines become progress events and errors.</summary>
    public class PullStreamTests
    {
        [Theory]
        [InlineData("Pulling fs layer", OciProgressPhase.Waiting)]
        [InlineData("Waiting", OciProgressPhase.Waiting)]
        [InlineData("Downloading", OciProgressPhase.Downloading)]
        [InlineData("Copying blob", OciProgressPhase.Downloading)]
        [InlineData("Verifying Checksum", OciProgressPhase.Verifying)]
        [InlineData("Download complete", OciProgressPhase.Verifying)]
        [InlineData("Extracting", OciProgressPhase.Extracting)]
        [InlineData("Pull complete", OciProgressPhase.Complete)]
        [InlineData("Already exists", OciProgressPhase.Complete)]
        public void Statuses_map_to_phases(string status, OciProgressPhase phase) =>
            Assert.Equal(phase, PullProgressTranslator.Phase(status));

        [Fact]
        public void Lines_are_forwarded_in_order_and_digest_outcome_and_error_are_kept()
        {
            var seen = new List<OciProgress>();
            var t = new PullProgressTranslator("r:latest", new Unit.SyncProgress(seen.Add));
            t.Report(new JsonMessageDto { Status = "Pulling from r", Id = "latest" });
            t.Report(new JsonMessageDto { Status = "Downloading", Id = "abc", ProgressDetail = new ProgressDetailDto { Current = 5, Total = 10 } });
            t.Report(new JsonMessageDto { Status = "Pull complete", Id = "abc" });
            t.Report(new JsonMessageDto { Status = "Digest: sha256:0123" });
            t.Report(new JsonMessageDto { Status = "Status: Downloaded newer image for r:latest" });
            t.Complete();
            Assert.Equal(new[] { "Pulling from r", "Downloading", "Pull complete", "Digest: sha256:0123", "Status: Downloaded newer image for r:latest", "Downloaded newer image" }, seen.ConvertAll(p => p.Status));
            Assert.Null(seen[0].LayerId);
            Assert.Equal("abc", seen[1].LayerId);
            Assert.Equal(50, seen[1].PercentComplete);
            Assert.True(seen[2].IsComplete);
            Assert.True(seen[^1].IsComplete);
            Assert.Null(seen[^1].LayerId);
            Assert.Equal("sha256:0123", t.Digest);
            Assert.Equal("Downloaded newer image", t.Outcome);
            Assert.Null(t.Error);
            t.Report(new JsonMessageDto { ErrorDetail = new ErrorDetailDto { Message = "manifest unknown", Code = 0 } });
            t.Report(new JsonMessageDto { Error = "second" });
            Assert.Equal("manifest unknown", t.Error!.Message);
        }

        [Theory]
        [InlineData("manifest for x not found: manifest unknown", OciErrorKind.NotFound)]
        [InlineData("pull access denied for x, repository does not exist or may require 'docker login'", OciErrorKind.Unauthorized)]
        [InlineData("Head \"https://r/v2/x/manifests/latest\": unauthorized: authentication required", OciErrorKind.Unauthorized)]
        [InlineData("Get \"http://127.0.0.1:5009/v2/\": dial tcp 127.0.0.1:5009: connect: connection refused", OciErrorKind.RegistryUnavailable)]
        [InlineData("Get \"https://r/v2/\": net/http: request canceled (Client.Timeout exceeded)", OciErrorKind.Timeout)]
        [InlineData("conflict: unable to remove repository reference \"x\" (must force) - container abc is using its referenced image def", OciErrorKind.Conflict)]
        [InlineData("invalid reference format: repository name must be lowercase", OciErrorKind.InvalidReference)]
        [InlineData("something odd", OciErrorKind.EngineError)]
        public void Engine_words_classify_when_the_status_is_coarse(string text, OciErrorKind kind) =>
            Assert.Equal(kind, DockerErrors.Classify(text, OciErrorKind.EngineError));

        [Fact]
        public void An_in_band_error_keeps_the_engine_text_and_the_target()
        {
            var e = DockerErrors.FromStream("manifest unknown", null, "Pull", "r:1");
            Assert.Equal(OciErrorKind.NotFound, e.Kind);
            Assert.Equal("r:1", e.Target);
            Assert.Equal("manifest unknown", e.EngineMessage);
            Assert.Contains("r:1", e.Message);
        }
    }
}
