using System.Collections.Generic;
using Oci.Drivers.Docker;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>How the engine's push stream lines become progress, the digest and errors, in both engines' dialects.</summary>
    public class PushStreamTests
    {
        [Fact]
        public void Dockerd_layers_progress_and_complete_and_the_aux_digest_is_kept()
        {
            var seen = new List<OciProgress>();
            var t = new PushProgressTranslator("r/x:1", new SyncProgress(seen.Add));
            t.Report(new ArchiveMessageDto { Status = "The push refers to repository [r/x]" });
            t.Report(new ArchiveMessageDto { Status = "Preparing", Id = "l1" });
            t.Report(new ArchiveMessageDto { Status = "Pushing", Id = "l1", ProgressDetail = new ProgressDetailDto { Current = 5, Total = 10 } });
            t.Report(new ArchiveMessageDto { Status = "Pushed", Id = "l1" });
            t.Report(new ArchiveMessageDto { Status = "Preparing", Id = "l2" });
            t.Report(new ArchiveMessageDto { Aux = new PushAuxDto { Digest = "sha256:" + new string('b', 64) } });
            t.Complete();
            Assert.Equal("sha256:" + new string('b', 64), t.Digest);
            Assert.Equal(OciProgressPhase.Uploading, seen[2].Phase);
            Assert.Equal(50, seen[2].PercentComplete);
            Assert.Contains(seen, p => p.LayerId == "l2" && p.IsComplete);
            Assert.True(seen[^1].IsComplete && seen[^1].LayerId is null);
        }

        [Fact]
        public void Podmans_closing_words_give_the_digest_and_an_in_band_error_is_kept()
        {
            var t = new PushProgressTranslator("r/x:1", null);
            t.Report(new ArchiveMessageDto { Status = "x1: digest: sha256:" + new string('c', 64) + " size: 527" });
            Assert.Equal("sha256:" + new string('c', 64), t.Digest);
            t.Report(new ArchiveMessageDto { ErrorDetail = new ErrorDetailDto { Message = "unauthorized: authentication required" } });
            Assert.Equal("unauthorized: authentication required", t.Error!.Message);
        }

        [Theory]
        [InlineData("Pushing", OciProgressPhase.Uploading)]
        [InlineData("Pushed", OciProgressPhase.Complete)]
        [InlineData("Layer already exists", OciProgressPhase.Complete)]
        [InlineData("Mounted from layers", OciProgressPhase.Complete)]
        [InlineData("Waiting", OciProgressPhase.Waiting)]
        public void Statuses_map_to_phases(string status, OciProgressPhase phase) => Assert.Equal(phase, PushProgressTranslator.Phase(status));
    }
}
