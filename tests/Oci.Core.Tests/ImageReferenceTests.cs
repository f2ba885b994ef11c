using System;
using System.Collections.Generic;
using System.Linq;
using Oci;
using Xunit;

namespace Oci.Tests
{
    /// <summary>
    /// The distribution reference grammar with Docker's normalisation. Cases follow those of distribution/reference's
    /// normalize_test.go and reference_test.go, restated as the normalised results this parser gives.
    /// </summary>
    public class ImageReferenceTests
    {
        private const string Hex64 = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
        private const string F64 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
        private const string D = "sha256:" + Hex64;
        private const string DF = "sha256:" + F64;
        private const string Busybox = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        private const string Sha512 = "sha512:" + F64 + F64;

        // ---------------------------------------------------------------- valid references: every part asserted

        [Theory]
        // bare names, user/repo, deep paths
        [InlineData("alpine", "docker.io", "library/alpine", null, null, "docker.io/library/alpine:latest", "alpine")]
        [InlineData("alpine:3.20", "docker.io", "library/alpine", "3.20", null, "docker.io/library/alpine:3.20", "alpine")]
        [InlineData("user/app", "docker.io", "user/app", null, null, "docker.io/user/app:latest", "user/app")]
        [InlineData("user/app:v1", "docker.io", "user/app", "v1", null, "docker.io/user/app:v1", "user/app")]
        [InlineData("a/b/c/d", "docker.io", "a/b/c/d", null, null, "docker.io/a/b/c/d:latest", "a/b/c/d")]
        [InlineData("library/alpine", "docker.io", "library/alpine", null, null, "docker.io/library/alpine:latest", "alpine")]
        [InlineData("docker.io/alpine", "docker.io", "library/alpine", null, null, "docker.io/library/alpine:latest", "alpine")]
        [InlineData("docker.io/library/alpine:edge", "docker.io", "library/alpine", "edge", null, "docker.io/library/alpine:edge", "alpine")]
        [InlineData("index.docker.io/alpine", "docker.io", "library/alpine", null, null, "docker.io/library/alpine:latest", "alpine")]
        [InlineData("index.docker.io/user/app:1", "docker.io", "user/app", "1", null, "docker.io/user/app:1", "user/app")]
        // separators inside components
        [InlineData("docker-rules/docker", "docker.io", "docker-rules/docker", null, null, "docker.io/docker-rules/docker:latest", "docker-rules/docker")]
        [InlineData("docker---rules/docker", "docker.io", "docker---rules/docker", null, null, "docker.io/docker---rules/docker:latest", "docker---rules/docker")]
        [InlineData("dock__er/docker", "docker.io", "dock__er/docker", null, null, "docker.io/dock__er/docker:latest", "dock__er/docker")]
        [InlineData("d/docker", "docker.io", "d/docker", null, null, "docker.io/d/docker:latest", "d/docker")]
        [InlineData("jess/t", "docker.io", "jess/t", null, null, "docker.io/jess/t:latest", "jess/t")]
        [InlineData("test_com", "docker.io", "library/test_com", null, null, "docker.io/library/test_com:latest", "test_com")]
        // a first component without '.', ':' or uppercase is a namespace, not a domain
        [InlineData("test_com/foo", "docker.io", "test_com/foo", null, null, "docker.io/test_com/foo:latest", "test_com/foo")]
        [InlineData("foo/foo_bar.com:8080", "docker.io", "foo/foo_bar.com", "8080", null, "docker.io/foo/foo_bar.com:8080", "foo/foo_bar.com")]
        // a single component is always a Docker Hub name, even when it looks like a host (the ':' then starts a tag)
        [InlineData("test.com:tag", "docker.io", "library/test.com", "tag", null, "docker.io/library/test.com:tag", "test.com")]
        [InlineData("test.com:5000", "docker.io", "library/test.com", "5000", null, "docker.io/library/test.com:5000", "test.com")]
        [InlineData("foo_bar.com:8080", "docker.io", "library/foo_bar.com", "8080", null, "docker.io/library/foo_bar.com:8080", "foo_bar.com")]
        [InlineData("192.168.1.1", "docker.io", "library/192.168.1.1", null, null, "docker.io/library/192.168.1.1:latest", "192.168.1.1")]
        [InlineData("192.168.1.1:5000", "docker.io", "library/192.168.1.1", "5000", null, "docker.io/library/192.168.1.1:5000", "192.168.1.1")]
        [InlineData("localhost", "docker.io", "library/localhost", null, null, "docker.io/library/localhost:latest", "localhost")]
        [InlineData("localhost:5000", "docker.io", "library/localhost", "5000", null, "docker.io/library/localhost:5000", "localhost")]
        // registries: host, host:port, IPv4, localhost
        [InlineData("test.com/repo:tag", "test.com", "repo", "tag", null, "test.com/repo:tag", "test.com/repo")]
        [InlineData("test:5000/repo", "test:5000", "repo", null, null, "test:5000/repo:latest", "test:5000/repo")]
        [InlineData("test-com:8080/foo", "test-com:8080", "foo", null, null, "test-com:8080/foo:latest", "test-com:8080/foo")]
        [InlineData("127.0.0.1:5000/small", "127.0.0.1:5000", "small", null, null, "127.0.0.1:5000/small:latest", "127.0.0.1:5000/small")]
        [InlineData("192.168.1.1/repo", "192.168.1.1", "repo", null, null, "192.168.1.1/repo:latest", "192.168.1.1/repo")]
        [InlineData("192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050", null, "192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo")]
        [InlineData("localhost/app", "localhost", "app", null, null, "localhost/app:latest", "localhost/app")]
        [InlineData("localhost:5000/team/app:dev", "localhost:5000", "team/app", "dev", null, "localhost:5000/team/app:dev", "localhost:5000/team/app")]
        [InlineData("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux", "some-long-tag", null, "sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux")]
        [InlineData("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io", "test.example.com/my-app", "test.example.com", null, "b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io/test.example.com/my-app")]
        [InlineData("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", null, "xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage")]
        [InlineData("gcr.io/library/busybox", "gcr.io", "library/busybox", null, null, "gcr.io/library/busybox:latest", "gcr.io/library/busybox")]
        [InlineData("ghcr.io/org/app", "ghcr.io", "org/app", null, null, "ghcr.io/org/app:latest", "ghcr.io/org/app")]
        // an uppercase first component is a domain (Docker's rule); uppercase tags are fine
        [InlineData("Docker/docker", "Docker", "docker", null, null, "Docker/docker:latest", "Docker/docker")]
        [InlineData("Uppercase/lowercase:tag", "Uppercase", "lowercase", "tag", null, "Uppercase/lowercase:tag", "Uppercase/lowercase")]
        [InlineData("REGISTRY.example.COM/app", "REGISTRY.example.COM", "app", null, null, "REGISTRY.example.COM/app:latest", "REGISTRY.example.COM/app")]
        [InlineData("lowercase:Uppercase", "docker.io", "library/lowercase", "Uppercase", null, "docker.io/library/lowercase:Uppercase", "lowercase")]
        // IPv6
        [InlineData("[::1]:5000/repo", "[::1]:5000", "repo", null, null, "[::1]:5000/repo:latest", "[::1]:5000/repo")]
        [InlineData("[2001:db8::1]/repo", "[2001:db8::1]", "repo", null, null, "[2001:db8::1]/repo:latest", "[2001:db8::1]/repo")]
        [InlineData("[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]", "repo", "tag", null, "[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]/repo")]
        [InlineData("[2001:db8::]:5000/repo", "[2001:db8::]:5000", "repo", null, null, "[2001:db8::]:5000/repo:latest", "[2001:db8::]:5000/repo")]
        [InlineData("[fc00::1]:5000/docker/docker", "[fc00::1]:5000", "docker/docker", null, null, "[fc00::1]:5000/docker/docker:latest", "[fc00::1]:5000/docker/docker")]
        [InlineData("[2001:db8::1]:5000/repo:tag@" + DF, "[2001:db8::1]:5000", "repo", "tag", DF, "[2001:db8::1]:5000/repo:tag@" + DF, "[2001:db8::1]:5000/repo")]
        // digests, tag + digest
        [InlineData("redis@" + D, "docker.io", "library/redis", null, D, "docker.io/library/redis@" + D, "redis")]
        [InlineData("dmcgowan/myapp@" + D, "docker.io", "dmcgowan/myapp", null, D, "docker.io/dmcgowan/myapp@" + D, "dmcgowan/myapp")]
        [InlineData("test:5000/repo@" + DF, "test:5000", "repo", null, DF, "test:5000/repo@" + DF, "test:5000/repo")]
        [InlineData("test:5000/repo:tag@" + DF, "test:5000", "repo", "tag", DF, "test:5000/repo:tag@" + DF, "test:5000/repo")]
        [InlineData("busybox:latest@" + Busybox, "docker.io", "library/busybox", "latest", Busybox, "docker.io/library/busybox:latest@" + Busybox, "busybox")]
        [InlineData("xn--7o8h.com/myimage:xn--7o8h.com@" + Sha512, "xn--7o8h.com", "myimage", "xn--7o8h.com", Sha512, "xn--7o8h.com/myimage:xn--7o8h.com@" + Sha512, "xn--7o8h.com/myimage")]
        // ids only when they are the whole reference: 64 hex after a domain, 63 hex, and short hex are names
        [InlineData("docker.io/" + Hex64, "docker.io", "library/" + Hex64, null, null, "docker.io/library/" + Hex64 + ":latest", Hex64)]
        [InlineData("dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9", "docker.io", "library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9", null, null, "docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest", "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9")]
        [InlineData("dbcc1", "docker.io", "library/dbcc1", null, null, "docker.io/library/dbcc1:latest", "dbcc1")]
        [InlineData("thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "docker.io", "library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", null, null, "docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest", "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev")]
        // familiar names keep nested library paths and other namespaces
        [InlineData("library/foo/bar", "docker.io", "library/foo/bar", null, null, "docker.io/library/foo/bar:latest", "library/foo/bar")]
        [InlineData("other/library", "docker.io", "other/library", null, null, "docker.io/other/library:latest", "other/library")]
        // tags: shortest, underscore start, max length 128
        [InlineData("app:_", "docker.io", "library/app", "_", null, "docker.io/library/app:_", "app")]
        [InlineData("app:v1.2.3-rc.1_build", "docker.io", "library/app", "v1.2.3-rc.1_build", null, "docker.io/library/app:v1.2.3-rc.1_build", "app")]
        public void Parse_ValidReference_GivesNormalisedParts(string input, string domain, string path, string? tag, string? digest, string full, string familiar)
        {
            var r = ImageReference.Parse(input);

            Assert.Equal(domain, r.Domain);
            Assert.Equal(path, r.Path);
            Assert.Equal(tag, r.Tag);
            Assert.Equal(digest, r.Digest);
            Assert.Equal(domain + "/" + path, r.Repository);
            Assert.Equal(full, r.ToString());
            Assert.Equal(familiar, r.FamiliarName);
        }

        public static IEnumerable<object?[]> LongValidCases()
        {
            // 128 components of "a" joined by "/": 255 characters, the longest path allowed.
            var path255 = string.Concat(Enumerable.Repeat("a/", 127)) + "a";
            yield return new object?[] { path255 + ":tag-puts-this-over-max", "docker.io", path255, "tag-puts-this-over-max" };
            var tag128 = "t" + new string('x', 127);
            yield return new object?[] { "app:" + tag128, "docker.io", "library/app", tag128 };
            // 255 characters as written, with the domain.
            var longPath = "example.com/" + new string('b', MaxNameLength - "example.com/".Length);
            yield return new object?[] { longPath, "example.com", longPath.Substring("example.com/".Length), null };
            // 247 characters plus the "library/" Docker adds: exactly 255.
            var name247 = new string('c', 247);
            yield return new object?[] { name247, "docker.io", "library/" + name247, null };
        }

        private const int MaxNameLength = 255;

        [Theory]
        [MemberData(nameof(LongValidCases))]
        public void Parse_LongestAllowed_Succeeds(string input, string domain, string path, string? tag)
        {
            var r = ImageReference.Parse(input);

            Assert.Equal(domain, r.Domain);
            Assert.Equal(path, r.Path);
            Assert.Equal(tag, r.Tag);
        }

        // ---------------------------------------------------------------- invalid references

        [Theory]
        // empty and whitespace
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("\t\n")]
        [InlineData(" alpine")]
        [InlineData("alpine ")]
        [InlineData("alpine\n")]
        [InlineData("alp ine")]
        [InlineData("alpine:\tlatest")]
        [InlineData("alpine\u0000")]
        [InlineData("alpine\u007f:latest")]
        // uppercase in the repository path
        [InlineData("Alpine")]
        [InlineData("Uppercase:tag")]
        [InlineData("docker/Docker")]
        [InlineData("docker.io/docker/Docker")]
        [InlineData("test:5000/Uppercase/lowercase:tag")]
        // ids are not names
        [InlineData(Hex64)]
        [InlineData("1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a")]
        [InlineData(D)]
        // bad separators and components
        [InlineData("-docker")]
        [InlineData("-foo")]
        [InlineData("-docker/docker")]
        [InlineData("docker-/docker")]
        [InlineData("-docker-/docker")]
        [InlineData("a-")]
        [InlineData("_a")]
        [InlineData("a___b")]
        [InlineData("a..b")]
        [InlineData("a.")]
        [InlineData("____/____")]
        [InlineData("_docker/_docker")]
        [InlineData("dock..er/docker")]
        [InlineData("dock_.er/docker")]
        [InlineData("dock-.er/docker")]
        [InlineData("aa/asdf$$^/aa")]
        [InlineData("caf\u00e9")]
        // empty components, leading and trailing '/'
        [InlineData("a//b")]
        [InlineData("docker///docker")]
        [InlineData("docker.io/docker///docker")]
        [InlineData("docker/")]
        [InlineData("/alpine")]
        [InlineData("example.com/")]
        [InlineData("example.com//app")]
        // bad domains
        [InlineData("https://github.com/docker/docker")]
        [InlineData("-docker.io/docker/docker")]
        [InlineData("example-.com/app")]
        [InlineData("foo_bar.com/app")]
        [InlineData("a..b/c")]
        [InlineData("host:/app")]
        [InlineData("host:port/app")]
        [InlineData("host:5000:6000/app")]
        [InlineData("host:99999/app")]
        // IPv6
        [InlineData("[fc00::1]")]
        [InlineData("[fc00::1]:5000")]
        [InlineData("[2001:db8::1]:tag")]
        [InlineData("fc00::1:5000/debian")]
        [InlineData("[fe80::1%eth0]:5000/debian")]
        [InlineData("[fe80::1%@invalidzone]:5000/repo")]
        [InlineData("[2001:db8:3:4::192.0.2.33]:5000/debian")]
        [InlineData("[]:5000/repo")]
        [InlineData("[1:2]:5000/repo")]
        [InlineData("[::1/repo")]
        // tags
        [InlineData("alpine:")]
        [InlineData(":justtag")]
        [InlineData("busybox:-foo")]
        [InlineData("busybox:.foo")]
        [InlineData("alpine:a:b")]
        [InlineData("alpine:3.20/x")]
        [InlineData("alpine:t+g")]
        // digests
        [InlineData("alpine@")]
        [InlineData("@" + DF)]
        [InlineData("busybox@foo")]
        [InlineData("repo@sha256:ffffffffffffffffffffffffffffffffff")]
        [InlineData("repo@sha256:abc")]
        [InlineData("repo@sha256:" + "DBCC1C35AC38DF41FD2F5E4130B32FFDB93EBAE8B3DBE638C23575912276FC9C")]
        [InlineData("repo@sha256:" + Hex64 + "00")]
        [InlineData("repo@sha256:" + "gbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c")]
        [InlineData("validname@invaliddigest:" + F64)]
        [InlineData("repo@md5:" + F64)]
        [InlineData("repo@" + Hex64)]
        [InlineData("repo@sha256:" + Hex64 + "@" + D)]
        [InlineData("repo@@" + D)]
        [InlineData("repo@" + D + ":tag")]
        [InlineData("repo@" + D + "/x")]
        public void Parse_InvalidReference_ThrowsInvalidReference(string input)
        {
            var ex = Assert.Throws<OciException>(() => ImageReference.Parse(input));

            Assert.Equal(OciErrorKind.InvalidReference, ex.Kind);
            Assert.Equal(input, ex.Target);
            Assert.StartsWith("'", ex.Message);
            Assert.Contains("is not a valid image reference: ", ex.Message);
            Assert.False(ImageReference.TryParse(input, out var result));
            Assert.Null(result);
        }

        public static IEnumerable<object[]> TooLongCases()
        {
            // 129 components of "a": 257 characters.
            yield return new object[] { string.Concat(Enumerable.Repeat("a/", 128)) + "a:tag" };
            yield return new object[] { "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker" };
            // 256 characters as written.
            yield return new object[] { "example.com/" + new string('b', MaxNameLength + 1 - "example.com/".Length) };
            // 248 characters: 256 once Docker adds "library/".
            yield return new object[] { new string('c', 248) };
            // 129-character tag.
            yield return new object[] { "app:t" + new string('x', 128) };
            // far beyond any valid reference.
            yield return new object[] { "app:" + new string('x', 5000) };
        }

        [Theory]
        [MemberData(nameof(TooLongCases))]
        public void Parse_TooLong_ThrowsInvalidReference(string input)
        {
            var ex = Assert.Throws<OciException>(() => ImageReference.Parse(input));

            Assert.Equal(OciErrorKind.InvalidReference, ex.Kind);
            Assert.Equal(input, ex.Target);
        }

        [Theory]
        [InlineData("Alpine", "'Alpine' is not a valid image reference: repository name must be lowercase.")]
        [InlineData("", "'' is not a valid image reference: the reference is empty.")]
        [InlineData("a//b", "'a//b' is not a valid image reference: the repository path cannot have empty components ('//').")]
        public void Parse_Invalid_MessageIsExact(string input, string message)
        {
            var ex = Assert.Throws<OciException>(() => ImageReference.Parse(input));

            Assert.Equal(message, ex.Message);
        }

        [Theory]
        [InlineData("docker/Docker", "must be lowercase")]
        [InlineData(Hex64, "image id")]
        [InlineData(D, "image id")]
        [InlineData("alpine:", "followed by a tag")]
        [InlineData("alpine@", "followed by a digest")]
        [InlineData("a@b@c", "more than one '@'")]
        [InlineData(" alpine", "whitespace")]
        [InlineData("docker/", "cannot end with '/'")]
        [InlineData("a..b", "path component 'a..b' is invalid")]
        [InlineData("busybox:-foo", "tag '-foo' is invalid")]
        [InlineData("repo@sha256:ffffffffffffffffffffffffffffffffff", "exactly 64 lowercase hexadecimal")]
        [InlineData("validname@invaliddigest:" + F64, "not supported")]
        [InlineData("busybox@foo", "digest 'foo' is invalid")]
        [InlineData("host:99999/app", "port")]
        [InlineData("[1:2]/app", "not an IPv6 address")]
        [InlineData("foo_bar.com/app", "registry domain 'foo_bar.com' is invalid")]
        [InlineData("https://github.com/docker/docker", "not a URL")]
        [InlineData("alpine\n", "\\u000a")]
        public void Parse_Invalid_MessageSaysWhatIsWrong(string input, string expectedPart)
        {
            var ok = ImageReference.TryParse(input, out var result, out var error);

            Assert.False(ok);
            Assert.Null(result);
            var ex = Assert.Throws<OciException>(() => ImageReference.Parse(input));
            Assert.Contains(expectedPart, ex.Message);
            Assert.Contains(error, ex.Message);
        }

        [Fact]
        public void Parse_Null_ThrowsInvalidReference()
        {
            var ex = Assert.Throws<OciException>(() => ImageReference.Parse(null!));

            Assert.Equal(OciErrorKind.InvalidReference, ex.Kind);
            Assert.Null(ex.Target);
            Assert.False(ImageReference.TryParse(null, out var result, out var error));
            Assert.Null(result);
            Assert.Equal("the reference is empty", error);
        }

        [Fact]
        public void TryParse_Valid_ReturnsReferenceAndEmptyError()
        {
            Assert.True(ImageReference.TryParse("user/app:v1", out var result, out var error));
            Assert.NotNull(result);
            Assert.Equal("docker.io/user/app:v1", result!.ToString());
            Assert.Equal(string.Empty, error);

            Assert.True(ImageReference.TryParse("localhost:5000/app", out var other));
            Assert.Equal("localhost:5000", other!.Domain);
        }

        // ---------------------------------------------------------------- Docker's normalisation tests

        // The same repository written familiar, full and ambiguous ways (TestParseRepositoryInfo).
        [Theory]
        [InlineData("fooo/bar", "fooo/bar", "docker.io", "fooo/bar", "docker.io/fooo/bar")]
        [InlineData("docker.io/fooo/bar", "fooo/bar", "docker.io", "fooo/bar", "docker.io/fooo/bar")]
        [InlineData("index.docker.io/fooo/bar", "fooo/bar", "docker.io", "fooo/bar", "docker.io/fooo/bar")]
        [InlineData("ubuntu", "ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu")]
        [InlineData("docker.io/library/ubuntu", "ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu")]
        [InlineData("library/ubuntu", "ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu")]
        [InlineData("nonlibrary/ubuntu", "nonlibrary/ubuntu", "docker.io", "nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu")]
        [InlineData("docker.io/other/library", "other/library", "docker.io", "other/library", "docker.io/other/library")]
        [InlineData("127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase", "127.0.0.1:8000", "private/moonbase", "127.0.0.1:8000/private/moonbase")]
        [InlineData("127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase", "127.0.0.1:8000", "privatebase", "127.0.0.1:8000/privatebase")]
        [InlineData("example.com/private/moonbase", "example.com/private/moonbase", "example.com", "private/moonbase", "example.com/private/moonbase")]
        [InlineData("example.com/privatebase", "example.com/privatebase", "example.com", "privatebase", "example.com/privatebase")]
        [InlineData("example.com:8000/private/moonbase", "example.com:8000/private/moonbase", "example.com:8000", "private/moonbase", "example.com:8000/private/moonbase")]
        [InlineData("example.com:8000/privatebasee", "example.com:8000/privatebasee", "example.com:8000", "privatebasee", "example.com:8000/privatebasee")]
        [InlineData("ubuntu-12.04-base", "ubuntu-12.04-base", "docker.io", "library/ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base")]
        [InlineData("index.docker.io/library/ubuntu-12.04-base", "ubuntu-12.04-base", "docker.io", "library/ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base")]
        [InlineData("docker.io/foo", "foo", "docker.io", "library/foo", "docker.io/library/foo")]
        [InlineData("docker.io/library/foo/bar", "library/foo/bar", "docker.io", "library/foo/bar", "docker.io/library/foo/bar")]
        [InlineData("store/foo/bar", "store/foo/bar", "docker.io", "store/foo/bar", "docker.io/store/foo/bar")]
        [InlineData("Foo/bar", "Foo/bar", "Foo", "bar", "Foo/bar")]
        [InlineData("FOO/bar", "FOO/bar", "FOO", "bar", "FOO/bar")]
        public void Parse_RepositoryInfo_MatchesDocker(string input, string familiarName, string domain, string path, string fullName)
        {
            var r = ImageReference.Parse(input);

            Assert.Equal(familiarName, r.FamiliarName);
            Assert.Equal(domain, r.Domain);
            Assert.Equal(path, r.Path);
            Assert.Equal(fullName, r.Repository);
            // The familiar name is itself a reference to the same repository.
            Assert.Equal(r.Repository, ImageReference.Parse(familiarName).Repository);
            Assert.Equal(r.Repository, ImageReference.Parse(fullName).Repository);
        }

        // TestNormalizedSplitHostname.
        [Theory]
        [InlineData("test.com/foo", "test.com", "foo")]
        [InlineData("test_com/foo", "docker.io", "test_com/foo")]
        [InlineData("docker/migrator", "docker.io", "docker/migrator")]
        [InlineData("test.com:8080/foo", "test.com:8080", "foo")]
        [InlineData("test-com:8080/foo", "test-com:8080", "foo")]
        [InlineData("foo", "docker.io", "library/foo")]
        [InlineData("xn--n3h.com/foo", "xn--n3h.com", "foo")]
        [InlineData("xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo")]
        [InlineData("docker.io/foo", "docker.io", "library/foo")]
        [InlineData("docker.io/library/foo", "docker.io", "library/foo")]
        [InlineData("docker.io/library/foo/bar", "docker.io", "library/foo/bar")]
        [InlineData("test:8080/foo", "test:8080", "foo")]
        public void Parse_SplitsDomainLikeDocker(string input, string domain, string path)
        {
            var r = ImageReference.Parse(input);

            Assert.Equal(domain, r.Domain);
            Assert.Equal(path, r.Path);
        }

        // TestValidateReferenceName, valid side: names Docker accepts.
        [Theory]
        [InlineData("docker/docker")]
        [InlineData("library/debian")]
        [InlineData("debian")]
        [InlineData("docker.io/docker/docker")]
        [InlineData("docker.io/library/debian")]
        [InlineData("docker.io/debian")]
        [InlineData("index.docker.io/docker/docker")]
        [InlineData("index.docker.io/library/debian")]
        [InlineData("index.docker.io/debian")]
        [InlineData("127.0.0.1:5000/docker/docker")]
        [InlineData("127.0.0.1:5000/library/debian")]
        [InlineData("127.0.0.1:5000/debian")]
        [InlineData("192.168.0.1")]
        [InlineData("192.168.0.1:80")]
        [InlineData("192.168.0.1:8/debian")]
        [InlineData("192.168.0.2:25000/debian")]
        [InlineData("[fc00::1]:5000/docker")]
        [InlineData("[fc00:1:2:3:4:5:6:7]:5000/library/debian")]
        [InlineData("DOCKER/docker")]
        public void Parse_ValidName_RoundTrips(string input)
        {
            Assert.True(ImageReference.TryParse(input, out var r, out var error), error);

            // The normalised and familiar strings parse back to the same reference.
            Assert.Equal(r, ImageReference.Parse(r!.ToString()));
            Assert.Equal(r.ToString(), ImageReference.Parse(r.ToString()).ToString());
            Assert.Equal(r, ImageReference.Parse(r.ToFamiliarString()));
        }

        // TestParseAnyReference, named side: the normalised string (with the default tag this class adds).
        [Theory]
        [InlineData("redis", "docker.io/library/redis:latest")]
        [InlineData("redis:latest", "docker.io/library/redis:latest")]
        [InlineData("docker.io/library/redis:latest", "docker.io/library/redis:latest")]
        [InlineData("redis@" + D, "docker.io/library/redis@" + D)]
        [InlineData("docker.io/library/redis@" + D, "docker.io/library/redis@" + D)]
        [InlineData("dmcgowan/myapp", "docker.io/dmcgowan/myapp:latest")]
        [InlineData("dmcgowan/myapp:latest", "docker.io/dmcgowan/myapp:latest")]
        [InlineData("docker.io/mcgowan/myapp:latest", "docker.io/mcgowan/myapp:latest")]
        [InlineData("dmcgowan/myapp@" + D, "docker.io/dmcgowan/myapp@" + D)]
        [InlineData("docker.io/dmcgowan/myapp@" + D, "docker.io/dmcgowan/myapp@" + D)]
        [InlineData("dbcc1", "docker.io/library/dbcc1:latest")]
        // TestParseDockerRef inputs (this class keeps a given tag next to a digest)
        [InlineData("busybox", "docker.io/library/busybox:latest")]
        [InlineData("library/busybox:latest", "docker.io/library/busybox:latest")]
        [InlineData("docker.io/busybox:latest", "docker.io/library/busybox:latest")]
        [InlineData("gcr.io/library/busybox:latest@" + Busybox, "gcr.io/library/busybox:latest@" + Busybox)]
        public void ToString_IsNormalisedForm(string input, string expected)
        {
            Assert.Equal(expected, ImageReference.Parse(input).ToString());
        }

        // TestParseAnyReference, id side: what Docker reads as an image id is an id here, and never a name.
        [Theory]
        [InlineData(Hex64)]
        [InlineData(D)]
        public void Parse_FullImageId_IsIdNotName(string input)
        {
            Assert.True(ImageReference.IsImageId(input));
            Assert.False(ImageReference.TryParse(input, out _));
        }

        // TestParseReferenceWithTagAndDigest.
        [Fact]
        public void Parse_TagAndDigest_KeepsBoth()
        {
            const string shortRef = "busybox:latest@" + Busybox;

            var r = ImageReference.Parse(shortRef);

            Assert.Equal("docker.io/library/" + shortRef, r.ToString());
            Assert.Equal("latest", r.Tag);
            Assert.Equal(Busybox, r.Digest);
            Assert.Equal(shortRef, r.ToFamiliarString());
            Assert.Equal("latest", r.EffectiveTag);
        }

        // TestInvalidReferenceComponents: a bad name, tag or digest each fails on its own.
        [Theory]
        [InlineData("-foo", "path component")]
        [InlineData("busybox:-foo", "tag")]
        [InlineData("busybox@foo", "digest")]
        public void Parse_InvalidComponent_NamesTheComponent(string input, string component)
        {
            Assert.False(ImageReference.TryParse(input, out _, out var error));
            Assert.StartsWith(component, error);
        }

        // ---------------------------------------------------------------- familiar string, effective tag

        [Theory]
        [InlineData("alpine", "alpine", "latest")]
        [InlineData("docker.io/library/alpine:3.20", "alpine:3.20", "3.20")]
        [InlineData("alpine@" + D, "alpine@" + D, null)]
        [InlineData("alpine:3@" + D, "alpine:3@" + D, "3")]
        [InlineData("index.docker.io/user/app:1", "user/app:1", "1")]
        [InlineData("localhost:5000/app", "localhost:5000/app", "latest")]
        [InlineData("127.0.0.1:5000/small:tiny", "127.0.0.1:5000/small:tiny", "tiny")]
        [InlineData("docker.io/library/a/b:c", "library/a/b:c", "c")]
        public void ToFamiliarString_AndEffectiveTag(string input, string familiar, string? effectiveTag)
        {
            var r = ImageReference.Parse(input);

            Assert.Equal(familiar, r.ToFamiliarString());
            Assert.Equal(effectiveTag, r.EffectiveTag);
        }

        // ---------------------------------------------------------------- equality

        [Theory]
        [InlineData("alpine", "docker.io/library/alpine:latest")]
        [InlineData("alpine", "alpine:latest")]
        [InlineData("library/alpine", "index.docker.io/library/alpine")]
        [InlineData("docker.io/user/app:v1", "user/app:v1")]
        [InlineData("redis@" + D, "docker.io/library/redis@" + D)]
        public void Equals_SameNormalisedReference_AreEqual(string a, string b)
        {
            var x = ImageReference.Parse(a);
            var y = ImageReference.Parse(b);

            Assert.True(x.Equals(y));
            Assert.True(x.Equals((object)y));
            Assert.True(x == y);
            Assert.False(x != y);
            Assert.Equal(x.GetHashCode(), y.GetHashCode());
        }

        [Theory]
        [InlineData("alpine", "alpine:3")]
        [InlineData("alpine:Latest", "alpine:latest")]
        [InlineData("alpine@" + D, "alpine:latest@" + D)]
        [InlineData("alpine@" + D, "alpine")]
        [InlineData("user/app", "other/app")]
        [InlineData("localhost/app", "localhost:5000/app")]
        [InlineData("example.com/app", "app")]
        public void Equals_DifferentReference_AreNotEqual(string a, string b)
        {
            var x = ImageReference.Parse(a);
            var y = ImageReference.Parse(b);

            Assert.False(x.Equals(y));
            Assert.False(x == y);
            Assert.True(x != y);
        }

        [Fact]
        public void Equals_NullAndOtherTypes_AreNotEqual()
        {
            var x = ImageReference.Parse("alpine");

            Assert.False(x.Equals(null));
            Assert.False(x.Equals((object?)null));
            Assert.False(x.Equals("docker.io/library/alpine:latest"));
            Assert.False(x == null);
            Assert.True((ImageReference?)null == null);
        }

        // ---------------------------------------------------------------- ids

        [Theory]
        [InlineData(D, true)]
        [InlineData(Hex64, true)]
        [InlineData("dbcc1c35ac38", true)]
        [InlineData("dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9", true)]
        [InlineData("dbcc1c35ac3", false)]
        [InlineData("sha256:dbcc1c35ac38", false)]
        [InlineData("DBCC1C35AC38DF41FD2F5E4130B32FFDB93EBAE8B3DBE638C23575912276FC9C", false)]
        [InlineData("sha256:DBCC1C35AC38DF41FD2F5E4130B32FFDB93EBAE8B3DBE638C23575912276FC9C", false)]
        [InlineData(Hex64 + "0", false)]
        [InlineData("sha512:" + Hex64, false)]
        [InlineData("gbcc1c35ac38", false)]
        [InlineData("alpine", false)]
        [InlineData("", false)]
        [InlineData(Hex64 + "\n", false)]
        public void IsImageId(string value, bool expected)
        {
            Assert.Equal(expected, ImageReference.IsImageId(value));
        }

        [Fact]
        public void IsImageId_Null_IsFalse()
        {
            Assert.False(ImageReference.IsImageId(null!));
        }

        // ---------------------------------------------------------------- tag and digest helpers

        [Theory]
        [InlineData("latest", true)]
        [InlineData("_", true)]
        [InlineData("V1.2-rc_3", true)]
        [InlineData("-foo", false)]
        [InlineData(".foo", false)]
        [InlineData("", false)]
        [InlineData("a:b", false)]
        [InlineData("t\u00e9", false)]
        [InlineData("latest\n", false)]
        public void IsValidTag(string tag, bool expected)
        {
            Assert.Equal(expected, ImageReference.IsValidTag(tag));
        }

        [Theory]
        [InlineData(D, true)]
        [InlineData(Sha512, true)]
        [InlineData("sha384:" + F64 + "ffffffffffffffffffffffffffffffff", true)]
        [InlineData("foo", false)]
        [InlineData("sha256:abc", false)]
        [InlineData("SHA256:" + Hex64, false)]
        [InlineData("sha512:" + F64, false)]
        [InlineData("sha256:" + Hex64 + "\n", false)]
        public void IsValidDigest(string digest, bool expected)
        {
            Assert.Equal(expected, ImageReference.IsValidDigest(digest));
        }

        // ---------------------------------------------------------------- nothing unvalidated reaches a URL

        [Theory]
        [InlineData("alpine")]
        [InlineData("Uppercase/lowercase:TAG")]
        [InlineData("[::1]:5000/a/b:c@" + D)]
        [InlineData("xn--7o8h.com/myimage:xn--7o8h.com@" + Sha512)]
        [InlineData("localhost:5000/team/app-1.2__x:v_1.0-rc")]
        public void Parse_Valid_PartsHoldOnlyGrammarCharacters(string input)
        {
            var r = ImageReference.Parse(input);

            Assert.Matches(@"\A[A-Za-z0-9.\-\[\]:]+\z", r.Domain);
            Assert.Matches(@"\A[a-z0-9._\-/]+\z", r.Path);
            if (r.Tag is not null) Assert.Matches(@"\A[A-Za-z0-9_.\-]+\z", r.Tag);
            if (r.Digest is not null) Assert.Matches(@"\Asha(256|384|512):[a-f0-9]+\z", r.Digest);
        }

        // ---------------------------------------------------------------- familiar form of a parsed name (LIST keeps the engine's string)

        [Theory]
        [InlineData("alpine:3.20", true)]
        [InlineData("oci-bench/list:n1", true)]
        [InlineData("127.0.0.1:5000/small:1.0", true)]
        [InlineData("127.0.0.1:5000/small@" + D, true)]
        [InlineData("localhost/built:latest", true)]
        [InlineData("docker.io/library/alpine:3.20", false)]
        [InlineData("docker.io/oci-bench/list:n1", false)]
        [InlineData("index.docker.io/library/alpine:3.20", false)]
        [InlineData("library/alpine:3.20", false)]
        [InlineData("alpine", true)]
        public void ToFamiliarString_of_the_parsed_text_is_that_text_when_already_familiar(string text, bool same)
        {
            var r = ImageReference.Parse(text);
            var familiar = r.ToFamiliarString(text);

            Assert.Equal(r.ToFamiliarString(), familiar);
            Assert.Equal(same, ReferenceEquals(text, familiar));
        }
    }
}
