using System.Collections;
using System.Collections.Generic;
using System.Linq;
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
            Assert.True(request.Parameters.ContainsKey("all"));
            Assert.True(OptionsBinder.Bind<OciImageListOptions>(request).All);
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
        public void Create_takes_a_hashtable_and_rejects_duplicate_keys_differing_in_case()
        {
            var ok = OciRequest.Create("list", OciKind.Image, null, new Hashtable { ["all"] = "true" });
            Assert.True(OptionsBinder.Bind<OciImageListOptions>(ok).All);
            var e = Assert.Throws<OciException>(() => new OciRequest("LIST", null, new[] { new KeyValuePair<string, object?>("a", 1), new KeyValuePair<string, object?>("A", 2) }));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
        }

        [Fact]
        public void A_target_longer_than_the_bound_is_refused()
        {
            var e = Assert.Throws<OciException>(() => new OciRequest("INSPECT", OciKind.Image, new string('a', OciRequest.MaxTargetLength + 1)));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.True(e.Target!.Length < 200, "the error names the target without echoing all of it");
            Assert.Equal(OciRequest.MaxTargetLength, new OciRequest("INSPECT", OciKind.Image, new string('a', OciRequest.MaxTargetLength)).Target!.Length);
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
                ["credential"] = new Oci.Credentials.OciRegistryCredential("u", "pw-in-credential"),
            });
            var line = request.ToString();
            Assert.Contains("allowUnencryptedAuthentication=True", line); // a switch is no secret: it stays visible
            Assert.StartsWith("PULL IMAGE alpine", line);
            Assert.Contains("platform=linux/amd64", line);
            Assert.Contains("credential=***", line);
            Assert.DoesNotContain("hunter2", line);
            Assert.DoesNotContain("tok-123", line);
            Assert.DoesNotContain("pw-in-credential", line);
        }

        [Fact]
        public void A_request_with_typed_options_shows_what_is_set_and_hides_secrets()
        {
            var request = OciRequest.WithOptions("pull", OciKind.Image, "alpine", new OciPullOptions
            {
                Platform = "linux/arm64",
                Credential = new Oci.Credentials.OciRegistryCredential("u", "s3cret"),
            });
            Assert.Empty(request.Parameters);
            Assert.Equal("PULL IMAGE alpine credential=*** platform=linux/arm64", request.ToString());
        }

        [Fact]
        public void Typed_options_of_another_method_are_refused()
        {
            var request = OciRequest.WithOptions("LIST", OciKind.Image, null, new OciPullOptions());
            var e = Assert.Throws<OciException>(() => OptionsBinder.Bind<OciImageListOptions>(request));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Contains("OciImageListOptions", e.Message);
        }

        [Fact]
        public void A_long_value_is_cut_in_the_request_line()
        {
            var line = new OciRequest("PULL", OciKind.Image, "alpine", new Dictionary<string, object?> { ["platform"] = new string('p', 5000) }).ToString();
            Assert.True(line.Length < 400, $"the request line is {line.Length} characters long");
            Assert.EndsWith("…", line);
        }
    }
}
