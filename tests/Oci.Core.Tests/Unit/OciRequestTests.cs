using System.Collections;
using System.Collections.Generic;
using Xunit;

namespace Oci.Tests.Unit
{
    public class OciRequestTests
    {
        [Fact]
        public void Parameters_are_a_copy_the_caller_cannot_change()
        {
            var source = new Dictionary<string, object?> { ["platform"] = "linux/amd64" };
            var request = new OciRequest("pull", OciKind.Image, "alpine", source);
            source["platform"] = "linux/arm64";
            source["extra"] = 1;
            Assert.Equal("linux/amd64", request.Parameters["platform"]);
            Assert.False(request.Parameters.ContainsKey("extra"));
            Assert.False(request.Parameters is IDictionary<string, object?> d && !d.IsReadOnly);
        }

        [Fact]
        public void Parameters_are_case_insensitive()
        {
            var request = new OciRequest("LIST", null, new Dictionary<string, object?> { ["All"] = true });
            Assert.True(request.GetParameter<bool>("all"));
        }

        [Theory]
        [InlineData("pull", "PULL")]
        [InlineData(" Inspect ", "INSPECT")]
        [InlineData("custom_method2", "CUSTOM_METHOD2")]
        public void Method_is_normalised(string given, string expected) =>
            Assert.Equal(expected, new OciRequest(given).Method);

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("PU LL")]
        [InlineData("pull;rm")]
        [InlineData("../x")]
        public void Bad_method_names_are_invalid_arguments(string method)
        {
            var e = Assert.Throws<OciException>(() => new OciRequest(method));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
        }

        [Theory]
        [InlineData("PING", OciKind.Engine)]
        [InlineData("VERSION", OciKind.Engine)]
        [InlineData("INFO", OciKind.Engine)]
        [InlineData("PULL", OciKind.Image)]
        [InlineData("REMOVE", OciKind.Image)]
        public void Kind_defaults_by_method(string method, OciKind kind) => Assert.Equal(kind, new OciRequest(method).Kind);

        [Fact]
        public void Reference_and_Id_follow_the_kind()
        {
            var image = new OciRequest("INSPECT", OciKind.Image, "alpine");
            var container = new OciRequest("INSPECT", OciKind.Container, "c1");
            Assert.Equal(("alpine", (string?)null), (image.Reference, image.Id));
            Assert.Equal(((string?)null, "c1"), (container.Reference, container.Id));
        }

        [Fact]
        public void Create_takes_a_hashtable_and_rejects_duplicate_keys_differing_in_case()
        {
            var ok = OciRequest.Create("list", OciKind.Image, null, new Hashtable { ["all"] = "true" });
            Assert.True(ok.GetParameter<bool>("ALL"));
            var e = Assert.Throws<OciException>(() => new OciRequest("LIST", null, new[] { new KeyValuePair<string, object?>("a", 1), new KeyValuePair<string, object?>("A", 2) }));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
        }

        [Fact]
        public void A_parameter_of_the_wrong_type_is_an_invalid_argument()
        {
            var request = new OciRequest("LIST", null, new Dictionary<string, object?> { ["all"] = "maybe" });
            var e = Assert.Throws<OciException>(() => request.GetParameter<bool>("all"));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("all", e.Message);
        }

        [Fact]
        public void Unknown_parameters_are_refused_by_name()
        {
            var request = new OciRequest("PULL", "alpine", new Dictionary<string, object?> { ["platfrom"] = "linux" });
            var e = Assert.Throws<OciException>(() => request.EnsureOnlyParameters("platform"));
            Assert.Contains("platfrom", e.Message);
            Assert.Contains("platform", e.Message);
        }

        [Fact]
        public void ToString_is_the_request_line_with_secrets_redacted()
        {
            var request = new OciRequest("PULL", OciKind.Image, "alpine", new Dictionary<string, object?>
            {
                ["platform"] = "linux/amd64",
                ["password"] = "hunter2",
                ["registryToken"] = "tok-123",
                ["allowUnencryptedAuthentication"] = true,
            });
            var line = request.ToString();
            Assert.Contains("allowUnencryptedAuthentication=True", line); // a switch is no secret: it stays visible
            Assert.StartsWith("PULL IMAGE alpine", line);
            Assert.Contains("platform=linux/amd64", line);
            Assert.DoesNotContain("hunter2", line);
            Assert.DoesNotContain("tok-123", line);
        }
    }
}
