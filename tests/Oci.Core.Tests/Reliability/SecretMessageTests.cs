using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Text;
using Xunit;

namespace Oci.Tests.Reliability
{
    /// <summary>
    /// The value of a secret-bearing parameter — a credential, a command's input, an environment entry under a secret
    /// name, anything nested in them — is never formatted when the binder refuses it, whatever its wrong type.
    /// </summary>
    public sealed class SecretMessageTests
    {
        private const string Secret = "the-Secret-value-0417";

        private static readonly string[] Places = { "PULL", "PUSH", "LOGIN", "EXEC", "CREATE", "RUN" };

        /// <summary>Each secret-bearing place with each wrong type (indexes into <see cref="Parameters"/>).</summary>
        public static IEnumerable<object[]> Cases() =>
            from p in Enumerable.Range(0, Places.Length)
            from w in Enumerable.Range(0, 8)
            where !(p >= 3 && w == 0) // a string is the right type for input and environment values
            select new object[] { Places[p], p, w };

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_refused_secret_is_never_shown(string method, int place, int wrongType)
        {
            var kind = method == "LOGIN" ? OciKind.Registry : method is "PULL" or "PUSH" ? OciKind.Image : OciKind.Container;
            var parameters = Parameters(place, wrongType);
            var request = OciRequest.Create(method, kind, kind == OciKind.Registry ? "127.0.0.1:5000" : "c1", parameters);
            Assert.DoesNotContain(Secret, request.ToString());
            var e = Assert.ThrowsAny<OciException>(() => Bind(request));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.DoesNotContain(Secret, e.Message);
            Assert.DoesNotContain(Secret, e.ToString());
            Assert.DoesNotContain(Secret, e.Target ?? string.Empty);
        }

        private static Hashtable Parameters(int place, int wrongType)
        {
            var wrongTypes = new Func<object>[]
            {
                () => Secret,
                () => new Hashtable { ["username"] = "u", ["password"] = Secret },
                () => new Hashtable { ["inner"] = new Hashtable { ["password"] = Secret } },
                () => new object[] { "u", Secret },
                () => new StringBuilder(Secret),
                () => new Uri("https://u:" + Secret + "@host/"),
                () =>
                {
                    var s = new SecureString();
                    foreach (var c in Secret) s.AppendChar(c);
                    return s;
                },
                () => new KeyValuePair<string, string>("u", Secret),
            };
            var v = wrongTypes[wrongType]();
            return place switch
            {
                0 or 1 or 2 => new Hashtable { ["credential"] = v },
                3 => new Hashtable { ["command"] = new[] { "cat" }, ["input"] = v },
                4 => new Hashtable { ["environment"] = new Hashtable { ["DB_PASSWORD"] = v } },
                _ => new Hashtable { ["environment"] = new Hashtable { ["API_TOKEN"] = v } },
            };
        }

        private static object Bind(OciRequest request) => request.Method switch
        {
            "PULL" => OptionsBinder.Bind<OciPullOptions>(request),
            "PUSH" => OptionsBinder.Bind<OciImagePushOptions>(request),
            "LOGIN" => OptionsBinder.Bind<OciRegistryLoginOptions>(request),
            "EXEC" => OptionsBinder.Bind<OciExecOptions>(request),
            "CREATE" => OptionsBinder.Bind<OciContainerSpec>(request),
            _ => OptionsBinder.Bind<OciRunOptions>(request),
        };
    }
}
