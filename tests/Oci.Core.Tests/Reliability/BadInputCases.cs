using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using Oci.Credentials;
using static Oci.OciErrorKind;
using static Oci.OciKind;

namespace Oci.Tests.Reliability
{
    /// <summary>One hostile or malformed input: what it does with a client connected to a recording engine, and the error kind it must get.</summary>
    public sealed record BadInput(string Name, Func<OciClient, Task> Run, OciErrorKind Kind);

    /// <summary>
    /// The core's bad-input table (docs/reliability.md): one line per case. Each runs on a client of the docker and of the
    /// podman driver connected to a recording engine (<see cref="BadInputTests"/>), and must fail with exactly its kind
    /// before anything reaches the engine. Add a case with one line: <c>Req(name, method, kind, target, P(key, value, ...), kind)</c>
    /// for a parameter dictionary, <c>Typed(...)</c> for an options object, <c>Connect(name, endpoint, kind)</c> for an
    /// endpoint, <c>Do(name, client => ..., kind)</c> for anything else.
    /// </summary>
    public static class BadInputCases
    {
        private static readonly string Nul = "a\0b";
        private static readonly string K17 = new('x', 16 * 1024 + 1);
        private static readonly string K100 = new('a', 100_000);
        private static readonly string[] Many = Enumerable.Repeat("a", 10_001).ToArray();
        private static readonly string Small = "127.0.0.1:5000/small:latest";

        public static IReadOnlyList<BadInput> All { get; } = new[]
        {
            // ---- methods and kinds ----
            Req("method empty", "", Image, Small, null, InvalidArgument),
            Req("method blank", "   ", Image, Small, null, InvalidArgument),
            Req("method with a space", "PU LL", Image, Small, null, InvalidArgument),
            Req("method with a semicolon", "PULL;rm", Image, Small, null, InvalidArgument),
            Req("method with a slash", "../PULL", Image, Small, null, InvalidArgument),
            Req("method with NUL", "PU\0LL", Image, Small, null, InvalidArgument),
            Req("method of 65 letters", new string('A', 65), Image, Small, null, InvalidArgument),
            Req("method of 100 KB", K100, Image, Small, null, InvalidArgument),
            Req("method not served", "FROBNICATE", Image, Small, null, Unsupported),
            Req("method of another kind (PING IMAGE)", "PING", Image, null, null, Unsupported),
            Req("PULL of kind CONTAINER", "PULL", Container, Small, null, Unsupported),
            Req("PUSH of kind VOLUME", "PUSH", Volume, Small, null, Unsupported),
            Req("EXEC of kind IMAGE", "EXEC", Image, "c1", null, Unsupported),
            Req("LIST of kind REGISTRY", "LIST", Registry, null, null, Unsupported),
            Req("LOGIN of kind IMAGE", "LOGIN", Image, "127.0.0.1:5000", null, Unsupported),
            Req("kind out of range", "LIST", (OciKind)42, null, null, InvalidArgument),
            Req("kind negative", "LIST", (OciKind)(-1), null, null, InvalidArgument),

            // ---- targets ----
            Req("target of 4097 characters", "INSPECT", Image, new string('a', 4097), null, InvalidArgument),
            Req("target of 100 KB", "INSPECT", Container, K100, null, InvalidArgument),
            Req("target with NUL", "INSPECT", Container, Nul, null, InvalidArgument),

            // ---- parameters in general ----
            Req("parameter unknown", "LIST", Image, null, P("bogus", 1), InvalidArgument),
            Req("parameter misspelt", "PULL", Image, Small, P("platfrom", "linux/amd64"), InvalidArgument),
            Req("parameter name empty", "LIST", Image, null, P("", 1), InvalidArgument),
            Req("parameter name blank", "LIST", Image, null, P("  ", 1), InvalidArgument),
            Req("parameter given twice in two cases", "LIST", Image, null, P("all", true, "ALL", false), InvalidArgument),
            Req("parameter name of 300 characters", "LIST", Image, null, P(new string('k', 300), 1), InvalidArgument),
            Req("257 parameters", "LIST", Image, null, ManyParameters(257), InvalidArgument),
            Req("parameters to a method that takes none (PING)", "PING", Engine, null, P("verbose", true), InvalidArgument),
            Req("parameters to a method that takes none (VERSION)", "VERSION", Engine, null, P("x", 1), InvalidArgument),
            Req("parameters to a method that takes none (INFO)", "INFO", Engine, null, P("format", "json"), InvalidArgument),
            Req("parameters to a method that takes none (DF)", "DF", Engine, null, P("all", true), InvalidArgument),
            Req("parameters to a method that takes none (START)", "START", Container, "c1", P("detach", true), InvalidArgument),
            Req("parameters to a method that takes none (INSPECT)", "INSPECT", Image, Small, P("size", true), InvalidArgument),
            Typed("options of another method's type", "PULL", Image, Small, new OciContainerSpec(), InvalidArgument),
            Typed("options of a foreign type", "LIST", Image, null, new Uri("http://x/"), InvalidArgument),

            // ---- PULL ----
            Req("PULL without a reference", "PULL", Image, null, null, InvalidReference),
            Req("PULL of a blank reference", "PULL", Image, "  ", null, InvalidReference),
            Req("PULL of upper-case repository", "PULL", Image, "Alpine:latest", null, InvalidReference),
            Req("PULL of a reference with a space", "PULL", Image, "alpine latest", null, InvalidReference),
            Req("PULL of a reference with a tab", "PULL", Image, "alpine\tlatest", null, InvalidReference),
            Req("PULL of a reference with a newline", "PULL", Image, "alpine\nlatest", null, InvalidReference),
            Req("PULL of a reference with ..", "PULL", Image, "../../etc/passwd", null, InvalidReference),
            Req("PULL of a reference with //", "PULL", Image, "a//b", null, InvalidReference),
            Req("PULL of a reference ending in /", "PULL", Image, "a/b/", null, InvalidReference),
            Req("PULL of an empty tag", "PULL", Image, "alpine:", null, InvalidReference),
            Req("PULL of a 129-character tag", "PULL", Image, "alpine:" + new string('t', 129), null, InvalidReference),
            Req("PULL of a short digest", "PULL", Image, "alpine@sha256:abc", null, InvalidReference),
            Req("PULL of an upper-case digest", "PULL", Image, "alpine@sha256:" + new string('A', 64), null, InvalidReference),
            Req("PULL of an unknown digest algorithm", "PULL", Image, "alpine@md5:" + new string('a', 32), null, InvalidReference),
            Req("PULL of a port out of range", "PULL", Image, "host:99999/alpine", null, InvalidReference),
            Req("PULL of a 256-character repository", "PULL", Image, new string('a', 256), null, InvalidReference),
            Req("PULL of a 1025-character reference", "PULL", Image, "a/" + new string('b', 1023), null, InvalidReference),
            Req("PULL of a reference with a query", "PULL", Image, "alpine?x=1", null, InvalidReference),
            Req("PULL of a reference with a control character", "PULL", Image, "alp\u0007ine", null, InvalidReference),
            Req("PULL of a reference with a shell substitution", "PULL", Image, "$(reboot)", null, InvalidReference),
            Req("PULL of a platform of 100 KB", "PULL", Image, Small, P("platform", K100), InvalidArgument),
            Req("PULL of a platform of 17 KB", "PULL", Image, Small, P("platform", K17), InvalidArgument),
            Req("PULL of a platform with four parts", "PULL", Image, Small, P("platform", "linux/amd64/v8/x"), InvalidArgument),
            Req("PULL of a platform with ..", "PULL", Image, Small, P("platform", "../etc"), InvalidArgument),
            Req("PULL of a platform with NUL", "PULL", Image, Small, P("platform", "linux\0/amd64"), InvalidArgument),
            Req("PULL of a platform with a space", "PULL", Image, Small, P("platform", "linux amd64"), InvalidArgument),
            Req("PULL of a platform with a query", "PULL", Image, Small, P("platform", "linux/amd64&x=1"), InvalidArgument),
            Req("PULL of an empty platform", "PULL", Image, Small, P("platform", ""), InvalidArgument),
            Req("PULL of a platform as a dictionary", "PULL", Image, Small, P("platform", new Hashtable { ["os"] = "linux" }), InvalidArgument),
            Req("PULL of a platform as a list", "PULL", Image, Small, P("platform", new[] { "linux", "amd64" }), InvalidArgument),
            Typed("PULL of a typed platform of 100 KB", "PULL", Image, Small, new OciPullOptions { Platform = K100 }, InvalidArgument),
            Req("PULL of a credential as a string", "PULL", Image, Small, P("credential", "the-password"), InvalidArgument),
            Req("PULL of a credential as a dictionary", "PULL", Image, Small, P("credential", new Hashtable { ["username"] = "u", ["password"] = "the-password" }), InvalidArgument),
            Req("PULL of a credential as a number", "PULL", Image, Small, P("credential", 42), InvalidArgument),
            Req("PULL of a credential as a SecureString", "PULL", Image, Small, P("credential", Secure("the-password")), InvalidArgument),
            Req("PULL of a credential as a list", "PULL", Image, Small, P("credential", new object[] { "u", "the-password" }), InvalidArgument),
            Req("PULL of a credential as a boolean", "PULL", Image, Small, P("credential", true), InvalidArgument),
            Typed("PULL of a credential with a 17 KB password", "PULL", Image, Small, new OciPullOptions { Credential = new OciRegistryCredential("u", K17) }, InvalidArgument),
            Typed("PULL of a credential with a NUL in the user", "PULL", Image, Small, new OciPullOptions { Credential = new OciRegistryCredential("u\0v", "p") }, InvalidArgument),
            Typed("PULL of a credential with a 17 KB identity token", "PULL", Image, Small, new OciPullOptions { Credential = OciRegistryCredential.FromIdentityToken(K17) }, InvalidArgument),
            Req("PULL of allowUnencryptedAuthentication 'maybe'", "PULL", Image, Small, P("allowUnencryptedAuthentication", "maybe"), InvalidArgument),
            Req("PULL of allowUnencryptedAuthentication 2", "PULL", Image, Small, P("allowUnencryptedAuthentication", 2), InvalidArgument),

            // ---- PUSH ----
            Req("PUSH without a reference", "PUSH", Image, null, null, InvalidReference),
            Req("PUSH of an invalid reference", "PUSH", Image, "Upper", null, InvalidReference),
            Req("PUSH of a reference with a space", "PUSH", Image, "a b", null, InvalidReference),
            Req("PUSH of a credential as a string", "PUSH", Image, Small, P("credential", "the-password"), InvalidArgument),
            Req("PUSH of a credential as a dictionary", "PUSH", Image, Small, P("credential", new Hashtable { ["password"] = "the-password" }), InvalidArgument),
            Req("PUSH of an unknown parameter", "PUSH", Image, Small, P("platform", "linux/amd64"), InvalidArgument),

            // ---- image LIST, INSPECT, TAG, REMOVE, HISTORY, PRUNE ----
            Req("LIST of an unclosed [ filter", "LIST", Image, "[", null, InvalidArgument),
            Req("LIST of a filter with a space", "LIST", Image, "a b", null, InvalidArgument),
            Req("LIST of a filter with a quote", "LIST", Image, "a\"b", null, InvalidArgument),
            Req("LIST of a filter with NUL", "LIST", Image, Nul, null, InvalidArgument),
            Req("LIST of all 'yes please'", "LIST", Image, null, P("all", "yes please"), InvalidArgument),
            Req("LIST of all as a date", "LIST", Image, null, P("all", DateTime.UtcNow), InvalidArgument),
            Req("LIST of dangling 'x'", "LIST", Image, null, P("dangling", "x"), InvalidArgument),
            Req("LIST of 10001 labels", "LIST", Image, null, P("labels", Many), InvalidArgument),
            Req("LIST of a null label", "LIST", Image, null, P("labels", new object?[] { "a", null }), InvalidArgument),
            Req("LIST of a 17 KB label", "LIST", Image, null, P("labels", new[] { K17 }), InvalidArgument),
            Req("LIST of a label with NUL", "LIST", Image, null, P("labels", new[] { "a=\0" }), InvalidArgument),
            Req("LIST of labels as a dictionary", "LIST", Image, null, P("labels", new Hashtable { ["a"] = "b" }), InvalidArgument),
            Req("LIST of an empty label", "LIST", Image, null, P("labels", new[] { "" }), InvalidArgument),
            Req("LIST of a label without a key", "LIST", Image, null, P("labels", new[] { "=value" }), InvalidArgument),
            Req("LIST before an invalid reference", "LIST", Image, null, P("before", "UPPER"), InvalidReference),
            Req("LIST since an invalid reference", "LIST", Image, null, P("since", "a b"), InvalidReference),
            Req("LIST since a 17 KB reference", "LIST", Image, null, P("since", K17), InvalidArgument),
            Typed("LIST of typed labels with a null", "LIST", Image, null, new OciImageListOptions { Labels = new string[] { "a", null! } }, InvalidArgument),
            Typed("LIST of 10001 typed labels", "LIST", Image, null, new OciImageListOptions { Labels = Many }, InvalidArgument),
            Req("INSPECT image without a target", "INSPECT", Image, null, null, InvalidArgument),
            Req("INSPECT image of an invalid reference", "INSPECT", Image, "UPPER", null, InvalidReference),
            Req("INSPECT image of a path", "INSPECT", Image, "../../x", null, InvalidReference),
            Req("TAG without a target", "TAG", Image, null, P("tag", "a:b"), InvalidArgument),
            Req("TAG without a tag", "TAG", Image, Small, null, InvalidArgument),
            Req("TAG to an invalid reference", "TAG", Image, Small, P("tag", "UPPER:x"), InvalidReference),
            Req("TAG to a digest", "TAG", Image, Small, P("tag", "a@sha256:" + new string('a', 64)), InvalidReference),
            Req("TAG to a 2000-character tag", "TAG", Image, Small, P("tag", "a:" + new string('t', 2000)), InvalidReference),
            Req("TAG to a tag with NUL", "TAG", Image, Small, P("tag", "a:\0"), InvalidArgument),
            Req("TAG to a list of tags", "TAG", Image, Small, P("tag", new[] { "a:1", "a:2" }), InvalidArgument),
            Req("REMOVE image without a target", "REMOVE", Image, null, null, InvalidArgument),
            Req("REMOVE image of an invalid reference", "REMOVE", Image, "a b", null, InvalidReference),
            Req("REMOVE image of force 'x'", "REMOVE", Image, Small, P("force", "x"), InvalidArgument),
            Req("REMOVE image of noPrune 3", "REMOVE", Image, Small, P("noPrune", 3), InvalidArgument),
            Req("HISTORY without a target", "HISTORY", Image, null, null, InvalidArgument),
            Req("HISTORY of an invalid reference", "HISTORY", Image, "UPPER", null, InvalidReference),
            Req("PRUNE images until 'not a date'", "PRUNE", Image, null, P("until", "not a date"), InvalidArgument),
            Req("PRUNE images of a label with NUL", "PRUNE", Image, null, P("labels", new[] { "\0" }), InvalidArgument),
            Req("PRUNE images of dryRun 'x'", "PRUNE", Image, null, P("dryRun", "x"), InvalidArgument),
            Req("PRUNE images of labels as a dictionary", "PRUNE", Image, null, P("labels", new Hashtable { ["a"] = 1 }), InvalidArgument),

            // ---- SAVE and LOAD ----
            Req("SAVE without references", "SAVE", Image, null, P("path", "/tmp/x.tar"), InvalidArgument),
            Req("SAVE of an invalid reference", "SAVE", Image, null, P("references", new[] { "UPPER" }, "path", "/tmp/x.tar"), InvalidReference),
            Req("SAVE of a null reference", "SAVE", Image, null, P("references", new object?[] { null }, "path", "/tmp/x.tar"), InvalidArgument),
            Req("SAVE without a path", "SAVE", Image, null, P("references", new[] { Small }), InvalidArgument),
            Req("SAVE to a 5000-character path", "SAVE", Image, null, P("references", new[] { Small }, "path", "/" + new string('p', 5000)), InvalidArgument),
            Req("SAVE to a path with NUL", "SAVE", Image, null, P("references", new[] { Small }, "path", "/tmp/a\0b.tar"), InvalidArgument),
            Req("SAVE to a folder", "SAVE", Image, null, P("references", new[] { Small }, "path", "/tmp"), InvalidArgument),
            Req("LOAD without a path", "LOAD", Image, null, null, InvalidArgument),
            Req("LOAD of a file that is not there", "LOAD", Image, null, P("path", "/tmp/oci-no-such-archive-" + Guid.NewGuid() + ".tar"), InvalidArgument),
            Req("LOAD of a 5000-character path", "LOAD", Image, null, P("path", "/" + new string('p', 5000)), InvalidArgument),
            Req("LOAD of a path with NUL", "LOAD", Image, null, P("path", "/tmp/a\0b.tar"), InvalidArgument),
            Req("LOAD of a folder", "LOAD", Image, null, P("path", "/tmp"), InvalidArgument),

            // ---- LOGIN and LOGOUT ----
            Req("LOGIN without a registry", "LOGIN", Registry, null, P("credential", new OciRegistryCredential("u", "the-password")), InvalidArgument),
            Req("LOGIN without a credential (none stored)", "LOGIN", Registry, "127.0.0.1:5000", P("configPath", "/tmp/oci-no-such-config-" + Guid.NewGuid() + ".json"), Unauthorized),
            Req("LOGIN of a credential as a string", "LOGIN", Registry, "127.0.0.1:5000", P("credential", "the-password"), InvalidArgument),
            Req("LOGIN of a credential as a SecureString", "LOGIN", Registry, "127.0.0.1:5000", P("credential", Secure("the-password")), InvalidArgument),
            Req("LOGIN to a registry with a quote", "LOGIN", Registry, "bad host\"", P("credential", new OciRegistryCredential("u", "the-password")), InvalidArgument),
            Req("LOGIN to a registry with a semicolon", "LOGIN", Registry, "a;b", P("credential", new OciRegistryCredential("u", "the-password")), InvalidArgument),
            Req("LOGIN with a 5000-character config path", "LOGIN", Registry, "127.0.0.1:5000", P("credential", new OciRegistryCredential("u", "the-password"), "configPath", "/" + new string('p', 5000)), InvalidArgument),
            Req("LOGOUT without a registry", "LOGOUT", Registry, null, null, InvalidArgument),
            Req("LOGOUT of a registry with a space", "LOGOUT", Registry, "a b", null, InvalidArgument),
            Req("LOGOUT with a config path with NUL", "LOGOUT", Registry, "127.0.0.1:5000", P("configPath", "/tmp/a\0b"), InvalidArgument),

            // ---- container targets ----
            Req("START without a container", "START", Container, null, null, InvalidArgument),
            Req("START of a name with a space", "START", Container, "a b", null, InvalidArgument),
            Req("START of a path", "START", Container, "../../etc", null, InvalidArgument),
            Req("START of a name with a slash inside", "START", Container, "a/b", null, InvalidArgument),
            Req("START of a name with a query", "START", Container, "a?x=1", null, InvalidArgument),
            Req("START of a name starting with a dash", "START", Container, "-a", null, InvalidArgument),
            Req("START of a 300-character name", "START", Container, new string('a', 300), null, InvalidArgument),
            Req("STOP of a name with a hash", "STOP", Container, "a#b", null, InvalidArgument),
            Req("KILL of a name with a percent", "KILL", Container, "a%2e", null, InvalidArgument),
            Req("RESTART of a unicode name", "RESTART", Container, "контейнер", null, InvalidArgument),
            Req("PAUSE of a name with a newline", "PAUSE", Container, "a\nb", null, InvalidArgument),
            Req("UNPAUSE of a name with a colon", "UNPAUSE", Container, "a:b", null, InvalidArgument),
            Req("INSPECT container of a name with a backslash", "INSPECT", Container, "a\\b", null, InvalidArgument),
            Req("STATE of a name with a star", "STATE", Container, "a*", null, InvalidArgument),
            Req("STATS of a blank name", "STATS", Container, " ", null, InvalidArgument),
            Req("REMOVE container of a name with a semicolon", "REMOVE", Container, "a;b", null, InvalidArgument),
            Req("WAIT of a name with a quote", "WAIT", Container, "a'b", null, InvalidArgument),
            Req("LOGS of a name with an ampersand", "LOGS", Container, "a&b", null, InvalidArgument),
            Req("EXEC in a name with an at", "EXEC", Container, "a@b", P("command", new[] { "true" }), InvalidArgument),
            Req("COPY from a name with a bracket", "COPY", Container, "a[b", P("direction", "OutOfContainer", "source", "/etc", "destination", "/tmp"), InvalidArgument),

            // ---- container options ----
            Req("STOP of a negative timeout", "STOP", Container, "c1", P("timeout", -1), InvalidArgument),
            Req("STOP of a two-day timeout", "STOP", Container, "c1", P("timeout", 172_800), InvalidArgument),
            Req("STOP of a timeout 'soon'", "STOP", Container, "c1", P("timeout", "soon"), InvalidArgument),
            Req("STOP of a timeout NaN", "STOP", Container, "c1", P("timeout", double.NaN), InvalidArgument),
            Req("RESTART of a negative timeout", "RESTART", Container, "c1", P("timeout", -5), InvalidArgument),
            Req("KILL of an unknown signal", "KILL", Container, "c1", P("signal", "NOPE"), InvalidArgument),
            Req("KILL of signal 999", "KILL", Container, "c1", P("signal", "999"), InvalidArgument),
            Req("KILL of signal 0", "KILL", Container, "c1", P("signal", "0"), InvalidArgument),
            Req("KILL of a signal with a shell", "KILL", Container, "c1", P("signal", "KILL; rm -rf /"), InvalidArgument),
            Req("KILL of a 17 KB signal", "KILL", Container, "c1", P("signal", K17), InvalidArgument),
            Req("REMOVE container of force 'x'", "REMOVE", Container, "c1", P("force", "x"), InvalidArgument),
            Req("REMOVE container of an unknown parameter", "REMOVE", Container, "c1", P("link", true), InvalidArgument),
            Req("WAIT of an unknown condition", "WAIT", Container, "c1", P("condition", "whenever"), InvalidArgument),
            Req("WAIT of condition 7", "WAIT", Container, "c1", P("condition", 7), InvalidArgument),
            Typed("WAIT of a typed condition out of range", "WAIT", Container, "c1", new OciContainerWaitOptions { Condition = (OciWaitCondition)9 }, InvalidArgument),
            Req("LIST containers of all 'x'", "LIST", Container, null, P("all", "x"), InvalidArgument),
            Req("LIST containers of a label with NUL", "LIST", Container, null, P("label", new[] { "a\0" }), InvalidArgument),
            Req("LIST containers of 10001 names", "LIST", Container, null, P("name", Many), InvalidArgument),
            Req("LIST containers of a 17 KB ancestor", "LIST", Container, null, P("ancestor", new[] { K17 }), InvalidArgument),
            Req("LIST containers of an unknown status", "LIST", Container, null, P("status", new[] { "zombie" }), InvalidArgument),
            Req("LIST containers of a name filter of 300 characters", "LIST", Container, new string('n', 300), null, InvalidArgument),
            Req("LOGS of a negative tail", "LOGS", Container, "c1", P("tail", -1), InvalidArgument),
            Req("LOGS of tail 'many'", "LOGS", Container, "c1", P("tail", "many"), InvalidArgument),
            Req("LOGS of tail 2^40", "LOGS", Container, "c1", P("tail", 1L << 40), InvalidArgument),
            Req("LOGS since 1960", "LOGS", Container, "c1", P("since", new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.Zero)), InvalidArgument),
            Req("LOGS since 'yesterday'", "LOGS", Container, "c1", P("since", "yesterday"), InvalidArgument),
            Req("LOGS of neither stream", "LOGS", Container, "c1", P("stdout", false, "stderr", false), InvalidArgument),
            Req("LOGS of follow 'x'", "LOGS", Container, "c1", P("follow", "x"), InvalidArgument),

            // ---- CREATE and RUN ----
            Req("CREATE without an image", "CREATE", Container, null, null, InvalidArgument),
            Req("CREATE of an invalid image", "CREATE", Container, "UPPER", null, InvalidReference),
            Req("CREATE of two images", "CREATE", Container, Small, P("image", "127.0.0.1:5000/other:1"), InvalidArgument),
            Req("CREATE of a one-character name", "CREATE", Container, Small, P("name", "a"), InvalidArgument),
            Req("CREATE of a name with a space", "CREATE", Container, Small, P("name", "a b"), InvalidArgument),
            Req("CREATE of a name starting with a dot", "CREATE", Container, Small, P("name", ".a"), InvalidArgument),
            Req("CREATE of a 300-character name", "CREATE", Container, Small, P("name", new string('n', 300)), InvalidArgument),
            Req("CREATE of a name as a list", "CREATE", Container, Small, P("name", new[] { "a", "b" }), InvalidArgument),
            Req("CREATE of 10001 command arguments", "CREATE", Container, Small, P("command", Many), InvalidArgument),
            Req("CREATE of a null command argument", "CREATE", Container, Small, P("command", new object?[] { "sh", null }), InvalidArgument),
            Req("CREATE of a command argument with NUL", "CREATE", Container, Small, P("command", new[] { "sh", "-c", "a\0b" }), InvalidArgument),
            Req("CREATE of a 17 KB command argument", "CREATE", Container, Small, P("command", new[] { K17 }), InvalidArgument),
            Req("CREATE of 1.6 MB of command", "CREATE", Container, Small, P("command", Enumerable.Repeat(new string('c', 16_000), 100).ToArray()), InvalidArgument),
            Req("CREATE of a command as a dictionary", "CREATE", Container, Small, P("command", new Hashtable { ["a"] = "b" }), InvalidArgument),
            Req("CREATE of a nested command list", "CREATE", Container, Small, P("command", new object[] { new[] { "a" } }), InvalidArgument),
            Req("CREATE of an entrypoint as a number", "CREATE", Container, Small, P("entrypoint", new object[] { new Hashtable() }), InvalidArgument),
            Req("CREATE of an environment as a string", "CREATE", Container, Small, P("environment", "FOO=bar"), InvalidArgument),
            Req("CREATE of an environment with an empty key", "CREATE", Container, Small, P("environment", new Hashtable { [""] = "v" }), InvalidArgument),
            Req("CREATE of an environment with a null value", "CREATE", Container, Small, P("environment", new Hashtable { ["A"] = null }), InvalidArgument),
            Req("CREATE of an environment value with NUL", "CREATE", Container, Small, P("environment", new Hashtable { ["A"] = "a\0b" }), InvalidArgument),
            Req("CREATE of an environment key with =", "CREATE", Container, Small, P("environment", new Hashtable { ["A=B"] = "v" }), InvalidArgument),
            Req("CREATE of an environment key with NUL", "CREATE", Container, Small, P("environment", new Hashtable { ["A\0"] = "v" }), InvalidArgument),
            Req("CREATE of 10001 environment entries", "CREATE", Container, Small, P("environment", ManyEntries(10_001)), InvalidArgument),
            Req("CREATE of a secret environment value as a list", "CREATE", Container, Small, P("environment", new Hashtable { ["DB_PASSWORD"] = new[] { "the-password" } }), InvalidArgument),
            Req("CREATE of labels as a list", "CREATE", Container, Small, P("labels", new[] { "a=b" }), InvalidArgument),
            Req("CREATE of a label key of 17 KB", "CREATE", Container, Small, P("labels", new Hashtable { [K17] = "v" }), InvalidArgument),
            Req("CREATE of a label value of 17 KB", "CREATE", Container, Small, P("labels", new Hashtable { ["k"] = K17 }), InvalidArgument),
            Req("CREATE of a 5000-character working directory", "CREATE", Container, Small, P("workingDirectory", "/" + new string('w', 5000)), InvalidArgument),
            Req("CREATE of a relative working directory", "CREATE", Container, Small, P("workingDirectory", "relative/dir"), InvalidArgument),
            Req("CREATE of a user with NUL", "CREATE", Container, Small, P("user", "root\0"), InvalidArgument),
            Req("CREATE of a network mode with a space", "CREATE", Container, Small, P("networkMode", "a b"), InvalidArgument),
            Req("CREATE of mounts as a string", "CREATE", Container, Small, P("mounts", "/a:/b"), InvalidArgument),
            Req("CREATE of a mount of unknown type", "CREATE", Container, Small, P("mounts", new object[] { new Hashtable { ["type"] = "nfs", ["target"] = "/m" } }), InvalidArgument),
            Req("CREATE of a mount without a target", "CREATE", Container, Small, P("mounts", new object[] { new Hashtable { ["type"] = "tmpfs" } }), InvalidArgument),
            Req("CREATE of a mount with a relative target", "CREATE", Container, Small, P("mounts", new object[] { new Hashtable { ["type"] = "tmpfs", ["target"] = "m" } }), InvalidArgument),
            Req("CREATE of a bind mount without a source", "CREATE", Container, Small, P("mounts", new object[] { new Hashtable { ["type"] = "bind", ["target"] = "/m" } }), InvalidArgument),
            Req("CREATE of a mount with an unknown key", "CREATE", Container, Small, P("mounts", new object[] { new Hashtable { ["type"] = "tmpfs", ["target"] = "/m", ["size"] = 1 } }), InvalidArgument),
            Req("CREATE of a mount target of 5000 characters", "CREATE", Container, Small, P("mounts", new object[] { new Hashtable { ["type"] = "tmpfs", ["target"] = "/" + new string('m', 5000) } }), InvalidArgument),
            Req("CREATE of a port 0", "CREATE", Container, Small, P("ports", new object[] { new Hashtable { ["containerPort"] = 0 } }), InvalidArgument),
            Req("CREATE of a port 70000", "CREATE", Container, Small, P("ports", new object[] { new Hashtable { ["containerPort"] = 70000 } }), InvalidArgument),
            Req("CREATE of a host port -1", "CREATE", Container, Small, P("ports", new object[] { new Hashtable { ["containerPort"] = 80, ["hostPort"] = -1 } }), InvalidArgument),
            Req("CREATE of a port protocol icmp", "CREATE", Container, Small, P("ports", new object[] { new Hashtable { ["containerPort"] = 80, ["protocol"] = "icmp" } }), InvalidArgument),
            Req("CREATE of a port host IP that is no address", "CREATE", Container, Small, P("ports", new object[] { new Hashtable { ["containerPort"] = 80, ["hostIp"] = "not an address" } }), InvalidArgument),
            Req("CREATE of a port as a string", "CREATE", Container, Small, P("ports", new object[] { "80:80" }), InvalidArgument),
            Req("CREATE of restart policy 'sometimes'", "CREATE", Container, Small, P("restartPolicy", "sometimes"), InvalidArgument),
            Req("CREATE of a negative retry count", "CREATE", Container, Small, P("restartPolicy", "OnFailure", "maximumRetryCount", -1), InvalidArgument),
            Req("CREATE of a retry count without OnFailure", "CREATE", Container, Small, P("maximumRetryCount", 3), InvalidArgument),
            Req("CREATE of a negative memory limit", "CREATE", Container, Small, P("memoryLimit", -5), InvalidArgument),
            Req("CREATE of a memory limit of 2^70", "CREATE", Container, Small, P("memoryLimit", 1e21), InvalidArgument),
            Req("CREATE of negative CPUs", "CREATE", Container, Small, P("cpus", -1), InvalidArgument),
            Req("CREATE of NaN CPUs", "CREATE", Container, Small, P("cpus", double.NaN), InvalidArgument),
            Req("CREATE of infinite CPUs", "CREATE", Container, Small, P("cpus", double.PositiveInfinity), InvalidArgument),
            Req("CREATE of autoRemove 'x'", "CREATE", Container, Small, P("autoRemove", "x"), InvalidArgument),
            Req("CREATE of pull policy 'sometimes'", "CREATE", Container, Small, P("pullPolicy", "sometimes"), InvalidArgument),
            Req("CREATE nested nine levels deep", "CREATE", Container, Small, P("labels", Nested(9)), InvalidArgument),
            Typed("CREATE of a typed NaN CPUs", "CREATE", Container, Small, new OciContainerSpec { Cpus = double.NaN }, InvalidArgument),
            Typed("CREATE of a typed 100 KB name", "CREATE", Container, Small, new OciContainerSpec { Name = K100 }, InvalidArgument),
            Typed("CREATE of a typed command with a null", "CREATE", Container, Small, new OciContainerSpec { Command = new string[] { "sh", null! } }, InvalidArgument),
            Typed("CREATE of a typed environment value with NUL", "CREATE", Container, Small, new OciContainerSpec { Environment = new Dictionary<string, string> { ["A"] = Nul } }, InvalidArgument),
            Typed("CREATE of a typed null mount", "CREATE", Container, Small, new OciContainerSpec { Mounts = new OciMount[] { null! } }, InvalidArgument),
            Typed("CREATE of a typed mount type out of range", "CREATE", Container, Small, new OciContainerSpec { Mounts = new[] { new OciMount { Type = (OciMountType)7, Target = "/m" } } }, InvalidArgument),
            Typed("CREATE of a typed restart policy out of range", "CREATE", Container, Small, new OciContainerSpec { RestartPolicy = (OciRestartPolicy)99 }, InvalidArgument),
            Req("RUN without an image", "RUN", Container, null, null, InvalidArgument),
            Req("RUN of an invalid image", "RUN", Container, "a b", null, InvalidReference),
            Req("RUN of keep 'x'", "RUN", Container, Small, P("keep", "x"), InvalidArgument),
            Req("RUN of a name with a slash", "RUN", Container, Small, P("name", "a/b"), InvalidArgument),
            Req("RUN of an environment as a list", "RUN", Container, Small, P("environment", new[] { "A=1" }), InvalidArgument),
            Typed("RUN of a typed 2 MB command", "RUN", Container, Small, new OciRunOptions { Command = Enumerable.Repeat(new string('c', 16_000), 130).ToArray() }, InvalidArgument),

            // ---- EXEC ----
            Req("EXEC without a command", "EXEC", Container, "c1", null, InvalidArgument),
            Req("EXEC of an empty command", "EXEC", Container, "c1", P("command", Array.Empty<string>()), InvalidArgument),
            Req("EXEC of a command with NUL", "EXEC", Container, "c1", P("command", new[] { "sh", "\0" }), InvalidArgument),
            Req("EXEC of a command as a dictionary", "EXEC", Container, "c1", P("command", new Hashtable()), InvalidArgument),
            Req("EXEC of an environment with a null", "EXEC", Container, "c1", P("command", new[] { "true" }, "environment", new Hashtable { ["A"] = null }), InvalidArgument),
            Req("EXEC of a user of 17 KB", "EXEC", Container, "c1", P("command", new[] { "true" }, "user", K17), InvalidArgument),
            Req("EXEC of a working directory with NUL", "EXEC", Container, "c1", P("command", new[] { "true" }, "workingDirectory", "/a\0"), InvalidArgument),
            Req("EXEC of a relative working directory", "EXEC", Container, "c1", P("command", new[] { "true" }, "workingDirectory", "tmp"), InvalidArgument),
            Req("EXEC of input as a number", "EXEC", Container, "c1", P("command", new[] { "cat" }, "input", new Hashtable()), InvalidArgument),
            Typed("EXEC of 17 MB of input", "EXEC", Container, "c1", new OciExecOptions { Command = new[] { "cat" }, Input = new string('i', 16 * 1024 * 1024 + 1) }, InvalidArgument),

            // ---- EXEC_SESSION ----
            Req("EXEC_SESSION without a container", "EXEC_SESSION", Container, null, P("command", new[] { "pwsh", "-s" }), InvalidArgument),
            Req("EXEC_SESSION in a name with a space", "EXEC_SESSION", Container, "a b", P("command", new[] { "pwsh", "-s" }), InvalidArgument),
            Req("EXEC_SESSION without a command", "EXEC_SESSION", Container, "c1", null, InvalidArgument),
            Req("EXEC_SESSION of a command with NUL", "EXEC_SESSION", Container, "c1", P("command", new[] { "pwsh", "\0" }), InvalidArgument),
            Req("EXEC_SESSION of a user with NUL", "EXEC_SESSION", Container, "c1", P("command", new[] { "pwsh" }, "user", "root\0"), InvalidArgument),
            Req("EXEC_SESSION of an environment with a null", "EXEC_SESSION", Container, "c1", P("command", new[] { "pwsh" }, "environment", new Hashtable { ["A"] = null }), InvalidArgument),
            Req("EXEC_SESSION of a relative working directory", "EXEC_SESSION", Container, "c1", P("command", new[] { "pwsh" }, "workingDirectory", "tmp"), InvalidArgument),
            Req("EXEC_SESSION of an unknown parameter", "EXEC_SESSION", Container, "c1", P("command", new[] { "pwsh" }, "tty", true), InvalidArgument),
            Do("EXEC_SESSION opened without options", c => c.OpenExecSessionAsync("c1", null!), InvalidArgument),
            Do("EXEC_SESSION opened in a blank container", c => c.OpenExecSessionAsync(" ", new OciExecSessionOptions { Command = new[] { "pwsh" } }), InvalidArgument),

            // ---- COPY ----
            Req("COPY of an unknown direction", "COPY", Container, "c1", P("direction", "sideways", "source", "/a", "destination", "/b"), InvalidArgument),
            Req("COPY without a source", "COPY", Container, "c1", P("direction", "OutOfContainer", "destination", "/tmp"), InvalidArgument),
            Req("COPY without a destination", "COPY", Container, "c1", P("direction", "OutOfContainer", "source", "/etc"), InvalidArgument),
            Req("COPY of a source with NUL", "COPY", Container, "c1", P("direction", "OutOfContainer", "source", "/e\0tc", "destination", "/tmp"), InvalidArgument),
            Req("COPY of a 5000-character source", "COPY", Container, "c1", P("direction", "OutOfContainer", "source", "/" + new string('s', 5000), "destination", "/tmp"), InvalidArgument),
            Req("COPY out to a relative container path", "COPY", Container, "c1", P("direction", "OutOfContainer", "source", "etc", "destination", "/tmp"), InvalidArgument),
            Req("COPY in from a file that is not there", "COPY", Container, "c1", P("direction", "IntoContainer", "source", "/tmp/oci-no-such-" + Guid.NewGuid(), "destination", "/tmp"), NotFound),
            Req("COPY in to a relative container path", "COPY", Container, "c1", P("direction", "IntoContainer", "source", "/etc/hostname", "destination", "tmp"), InvalidArgument),

            // ---- volumes and networks ----
            Req("CREATE volume of a name with a space", "CREATE", Volume, "a b", null, InvalidArgument),
            Req("CREATE volume of a name with a slash", "CREATE", Volume, "../v", null, InvalidArgument),
            Req("CREATE volume of a 300-character name", "CREATE", Volume, new string('v', 300), null, InvalidArgument),
            Req("CREATE volume of a driver with NUL", "CREATE", Volume, "v1", P("driver", "local\0"), InvalidArgument),
            Req("CREATE volume of driver options as a list", "CREATE", Volume, "v1", P("driverOptions", new[] { "a=b" }), InvalidArgument),
            Req("CREATE volume of 10001 labels", "CREATE", Volume, "v1", P("labels", ManyEntries(10_001)), InvalidArgument),
            Req("CREATE volume of an unknown parameter", "CREATE", Volume, "v1", P("size", "1G"), InvalidArgument),
            Req("INSPECT volume without a name", "INSPECT", Volume, null, null, InvalidArgument),
            Req("INSPECT volume of a name with a colon", "INSPECT", Volume, "a:b", null, InvalidArgument),
            Req("REMOVE volume of a name with a query", "REMOVE", Volume, "a?b", null, InvalidArgument),
            Req("REMOVE volume of force 'x'", "REMOVE", Volume, "v1", P("force", "x"), InvalidArgument),
            Req("LIST volumes of dangling 'x'", "LIST", Volume, null, P("dangling", "x"), InvalidArgument),
            Req("LIST volumes of a label with NUL", "LIST", Volume, null, P("labels", new[] { "\0" }), InvalidArgument),
            Req("PRUNE volumes of dryRun 'x'", "PRUNE", Volume, null, P("dryRun", "x"), InvalidArgument),
            Req("CREATE network without a name", "CREATE", Network, null, null, InvalidArgument),
            Req("CREATE network of a name with a space", "CREATE", Network, "a b", null, InvalidArgument),
            Req("CREATE network of a subnet that is no CIDR", "CREATE", Network, "n1", P("subnet", "not-a-cidr"), InvalidArgument),
            Req("CREATE network of a subnet prefix 99", "CREATE", Network, "n1", P("subnet", "10.0.0.0/99"), InvalidArgument),
            Req("CREATE network of a gateway without a subnet", "CREATE", Network, "n1", P("gateway", "10.0.0.1"), InvalidArgument),
            Req("CREATE network of a gateway that is no address", "CREATE", Network, "n1", P("subnet", "10.0.0.0/24", "gateway", "ten"), InvalidArgument),
            Req("CREATE network of internal 'x'", "CREATE", Network, "n1", P("internal", "x"), InvalidArgument),
            Req("CREATE network of options as a string", "CREATE", Network, "n1", P("options", "a=b"), InvalidArgument),
            Req("CREATE network of a driver of 17 KB", "CREATE", Network, "n1", P("driver", K17), InvalidArgument),
            Req("INSPECT network of a name with a slash", "INSPECT", Network, "a/b", null, InvalidArgument),
            Req("REMOVE network without a name", "REMOVE", Network, null, null, InvalidArgument),
            Req("LIST networks of labels as a dictionary", "LIST", Network, null, P("labels", new Hashtable { ["a"] = "b" }), InvalidArgument),
            Req("PRUNE networks until 'later'", "PRUNE", Network, null, P("until", "later"), InvalidArgument),

            // ---- engine ----
            Req("EVENTS until 'later'", "EVENTS", Engine, null, P("until", "later"), InvalidArgument),
            Req("EVENTS of an unknown type", "EVENTS", Engine, null, P("types", new[] { "spaceship" }), InvalidArgument),
            Req("EVENTS of filters as a list", "EVENTS", Engine, null, P("filters", new[] { "a=b" }), InvalidArgument),
            Req("EVENTS of a filter value with NUL", "EVENTS", Engine, null, P("filters", new Hashtable { ["label"] = new[] { "\0" } }), InvalidArgument),
            Req("EVENTS until before since", "EVENTS", Engine, null, P("since", DateTimeOffset.UtcNow, "until", DateTimeOffset.UtcNow.AddHours(-1)), InvalidArgument),
            Req("EVENTS of an action with a space", "EVENTS", Engine, null, P("actions", new[] { "a b" }), InvalidArgument),

            // ---- endpoints and connect options ----
            Connect("endpoint empty", "", InvalidArgument),
            Connect("endpoint without a scheme", "localhost:2375", InvalidArgument),
            Connect("endpoint unix without a path", "unix://", InvalidArgument),
            Connect("endpoint unix with a relative path", "unix://run/docker.sock", InvalidArgument),
            Connect("endpoint unix with NUL", "unix:///tmp/a\0b.sock", InvalidArgument),
            Connect("endpoint tcp without a host", "tcp://", InvalidArgument),
            Connect("endpoint tcp with port 99999", "tcp://127.0.0.1:99999", InvalidArgument),
            Connect("endpoint tcp with port -1", "tcp://127.0.0.1:-1", InvalidArgument),
            Connect("endpoint tcp with a path", "tcp://127.0.0.1:2375/v1.41", InvalidArgument),
            Connect("endpoint tcp with a space in the host", "tcp://a b:2375", InvalidArgument),
            Connect("endpoint tcp with an unclosed IPv6 bracket", "tcp://[::1:2375", InvalidArgument),
            Connect("endpoint ssh with a password", "ssh://me:secret@host", InvalidArgument),
            Connect("endpoint npipe without a pipe name", "npipe://", InvalidArgument),
            Connect("endpoint of an unknown scheme", "ftp://host", InvalidArgument),
            Connect("endpoint of 2049 characters", "tcp://" + new string('h', 2043), InvalidArgument),
            Connect("endpoint with a newline", "tcp://127.0.0.1:2375\nHost: evil", InvalidArgument),
            Make("connect timeout zero", () => new OciConnectOptions { ConnectTimeout = TimeSpan.Zero }, InvalidArgument),
            Make("connect timeout of two days", () => new OciConnectOptions { ConnectTimeout = TimeSpan.FromDays(2) }, InvalidArgument),
            Make("discovery connect timeout negative", () => new OciDiscoveryOptions { ConnectTimeout = TimeSpan.FromSeconds(-1) }, InvalidArgument),
            Make("ssh option without a value", () => new OciSshSettings(options: new[] { "BatchMode" }), InvalidArgument),
            Make("ssh option with a newline", () => new OciSshSettings(options: new[] { "ProxyCommand=x\ny" }), InvalidArgument),
            Make("65 ssh options", () => new OciSshSettings(options: Enumerable.Repeat("ServerAliveInterval=1", 65)), InvalidArgument),
            Make("ssh options endless", () => new OciSshSettings(options: Endless("ServerAliveInterval=1")), InvalidArgument),
            Make("ssh user with a space", () => new OciSshSettings(user: "a b"), InvalidArgument),
            Make("ssh user of 300 characters", () => new OciSshSettings(user: new string('u', 300)), InvalidArgument),
            Make("ssh key path of 5000 characters", () => new OciSshSettings(identityFile: "/" + new string('k', 5000)), InvalidArgument),
            Make("ssh remote CLI unknown", () => new OciSshSettings(remoteCli: "nerdctl"), InvalidArgument),

            // ---- credentials ----
            Make("credential without a user", () => new OciRegistryCredential("", "the-password"), InvalidArgument),
            Make("credential without a password", () => new OciRegistryCredential("u", (string)null!), InvalidArgument),
            Make("credential of an empty identity token", () => OciRegistryCredential.FromIdentityToken(""), InvalidArgument),
            Make("credential from no network credential", () => OciRegistryCredential.FromNetworkCredential(null!), InvalidArgument),

            // ---- streams read through the client ----
            Do("stream of LOGS with a negative tail", c => Drain(c.StreamAsync<OciLogLine>(Request("LOGS", Container, "c1", P("tail", -3)))), InvalidArgument),
            Do("stream of EVENTS with an unknown type", c => Drain(c.StreamAsync<OciEvent>(Request("EVENTS", Engine, null, P("types", new[] { "spaceship" })))), InvalidArgument),
            Do("stream callback missing", c => c.ForEachAsync<OciLogLine>(Request("LOGS", Container, "c1", null), null!), InvalidArgument),
            Do("request missing", c => c.ExecuteAsync(null!), InvalidArgument),
            Do("pull of a null reference", c => c.PullAsync(null!), InvalidReference),
        };

        public static IReadOnlyDictionary<string, BadInput> ByName { get; } = All.ToDictionary(c => c.Name, StringComparer.Ordinal);

        private static BadInput Req(string name, string method, OciKind kind, string? target, Hashtable? parameters, OciErrorKind expected) =>
            new(name, async c => await Answer(await c.ExecuteAsync(Request(method, kind, target, parameters)).ConfigureAwait(false)).ConfigureAwait(false), expected);

        private static BadInput Typed(string name, string method, OciKind kind, string? target, object options, OciErrorKind expected) =>
            new(name, async c => await Answer(await c.ExecuteAsync(OciRequest.WithOptions(method, kind, target, options)).ConfigureAwait(false)).ConfigureAwait(false), expected);

        private static BadInput Connect(string name, string endpoint, OciErrorKind expected) =>
            new(name, async _ => await (await OciClient.ConnectAsync("docker", endpoint).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false), expected);

        private static BadInput Do(string name, Func<OciClient, Task> run, OciErrorKind expected) => new(name, run, expected);

        /// <summary>A constructor or setter that must refuse its input.</summary>
        private static BadInput Make(string name, Func<object> make, OciErrorKind expected) => new(name, _ =>
        {
            make();
            return Task.CompletedTask;
        }, expected);

        private static OciRequest Request(string method, OciKind kind, string? target, Hashtable? parameters) => OciRequest.Create(method, kind, target, parameters);

        /// <summary>Reads a streaming answer to its end (a stream sends its request only when read).</summary>
        private static Task Answer(OciResponse response) =>
            OciClient.IsStream(response.Data) ? OciClient.ForEachAsync(response.Data!, _ => Task.CompletedTask) : Task.CompletedTask;

        private static async Task Drain<T>(IAsyncEnumerable<T> items)
        {
            await foreach (var _ in items.ConfigureAwait(false))
            {
            }
        }

        /// <summary>Key, value, key, value, ...</summary>
        private static Hashtable P(params object?[] pairs)
        {
            var h = new Hashtable(StringComparer.Ordinal);
            for (var i = 0; i < pairs.Length; i += 2) h[pairs[i]!] = pairs[i + 1];
            return h;
        }

        private static Hashtable ManyParameters(int count)
        {
            var h = new Hashtable();
            for (var i = 0; i < count; i++) h["p" + i] = i;
            return h;
        }

        private static Hashtable ManyEntries(int count)
        {
            var h = new Hashtable();
            for (var i = 0; i < count; i++) h["K" + i] = "v";
            return h;
        }

        private static Hashtable Nested(int depth)
        {
            var h = new Hashtable { ["leaf"] = "v" };
            for (var i = 0; i < depth; i++) h = new Hashtable { ["inner"] = h };
            return h;
        }

        private static IEnumerable<string> Endless(string item)
        {
            while (true) yield return item;
        }

        private static SecureString Secure(string text)
        {
            var s = new SecureString();
            foreach (var c in text) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
