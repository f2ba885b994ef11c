using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Oci.Credentials;
using Oci.Tests.Support;
using Xunit;

namespace Oci.Tests.Unit
{
    /// <summary>Binding a request's parameter dictionary to a method's typed options (MemoryDriver.EchoOptions has every shape).</summary>
    public class OptionsBinderTests
    {
        private static MemoryDriver.EchoOptions Bind(IDictionary parameters) =>
            OptionsBinder.Bind<MemoryDriver.EchoOptions>(OciRequest.Create("ECHO", OciKind.Image, "target", parameters));

        private static OciException Refused(IDictionary parameters)
        {
            var e = Assert.Throws<OciException>(() => Bind(parameters));
            Assert.Equal(OciErrorKind.InvalidArgument, e.Kind);
            Assert.Equal("target", e.Target);
            return e;
        }

        [Fact]
        public void Values_of_every_shape_bind_by_name_whatever_the_case()
        {
            var o = Bind(new Hashtable
            {
                ["TEXT"] = "hello", ["count"] = "42", ["flag"] = "true", ["kind"] = "container", ["wait"] = 1.5,
                ["since"] = "2026-01-02T03:04:05Z", ["items"] = new object[] { "a", 2 }, ["numbers"] = new object[] { 1, "2" },
                ["labels"] = new Hashtable { ["k"] = "v", ["n"] = 1 },
                ["inner"] = new Hashtable { ["name"] = "in", ["size"] = 3, ["inner"] = new Hashtable { ["name"] = "deeper" } },
                ["inners"] = new object[] { new Hashtable { ["name"] = "one" }, new Hashtable { ["size"] = 2 } },
            });
            Assert.Equal(("hello", 42, true, OciKind.Container, TimeSpan.FromSeconds(1.5)), (o.Text, o.Count, o.Flag, o.Kind, o.Wait));
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), o.Since);
            Assert.Equal(new[] { "a", "2" }, o.Items);
            Assert.Equal(new long[] { 1, 2 }, o.Numbers);
            Assert.Equal(new Dictionary<string, string> { ["k"] = "v", ["n"] = "1" }, o.Labels!.ToDictionary(p => p.Key, p => p.Value));
            Assert.Equal(("in", 3, "deeper"), (o.Inner!.Name, o.Inner.Size, o.Inner.Inner!.Name));
            Assert.Equal(new[] { "one", null }, o.Inners!.Select(i => i.Name));
            Assert.Equal(2, o.Inners![1].Size);
        }

        [Fact]
        public void A_single_value_binds_to_a_list_and_a_time_span_takes_hh_mm_ss()
        {
            var o = Bind(new Hashtable { ["items"] = "only", ["wait"] = "00:01:30" });
            Assert.Equal(new[] { "only" }, o.Items);
            Assert.Equal(TimeSpan.FromSeconds(90), o.Wait);
        }

        [Fact]
        public void Null_keeps_the_default()
        {
            var o = Bind(new Hashtable { ["count"] = null, ["text"] = null });
            Assert.Equal((0, (string?)null), (o.Count, o.Text));
        }

        [Fact]
        public void Unknown_keys_are_refused_by_name_listing_what_is_accepted()
        {
            var e = Refused(new Hashtable { ["txet"] = "x" });
            Assert.Contains("ECHO does not take parameter(s) txet", e.Message);
            Assert.Contains("text", e.Message);
            var nested = Refused(new Hashtable { ["inner"] = new Hashtable { ["nmae"] = "x" } });
            Assert.Contains("inner.nmae", nested.Message);
            Assert.Contains("accepts in inner: inner, name, size", nested.Message);
        }

        [Theory]
        [InlineData("count", "many")]
        [InlineData("count", true)]
        [InlineData("flag", "maybe")]
        [InlineData("flag", 1)]
        [InlineData("kind", "vessel")]
        [InlineData("kind", 42)]
        [InlineData("wait", "soon")]
        [InlineData("since", "yesterday-ish")]
        public void Wrong_types_are_refused_naming_the_parameter_and_value(string name, object value)
        {
            var e = Refused(new Hashtable { [name] = value });
            Assert.Contains($"'{name}'", e.Message);
            Assert.Contains(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, e.Message);
        }

        [Fact]
        public void Structures_where_a_value_is_expected_are_refused()
        {
            Assert.Contains("'text'", Refused(new Hashtable { ["text"] = new Hashtable() }).Message);
            Assert.Contains("'text'", Refused(new Hashtable { ["text"] = new object[] { "a" } }).Message);
            Assert.Contains("'labels'", Refused(new Hashtable { ["labels"] = "k=v" }).Message);
            Assert.Contains("'inner'", Refused(new Hashtable { ["inner"] = "x" }).Message);
            Assert.Contains("'items[1]'", Refused(new Hashtable { ["items"] = new object?[] { "a", null } }).Message);
            Assert.Contains("'labels[k]'", Refused(new Hashtable { ["labels"] = new Hashtable { ["k"] = null } }).Message);
        }

        [Fact]
        public void The_value_of_a_secret_bearing_parameter_is_never_shown()
        {
            // A string where a credential is expected, and a structure where a token is: neither value may appear.
            var credential = Refused(new Hashtable { ["credential"] = "the-password" });
            Assert.DoesNotContain("the-password", credential.ToString());
            Assert.Contains("'credential'", credential.Message);
            Assert.Contains("not shown", credential.Message);
            var token = Refused(new Hashtable { ["apiToken"] = new Hashtable { ["x"] = "tok-secret" } });
            Assert.DoesNotContain("tok-secret", token.ToString());
            var list = Refused(new Hashtable { ["apiToken"] = new object[] { "tok-in-list" } });
            Assert.DoesNotContain("tok-in-list", list.ToString());
        }

        [Fact]
        public void Oversized_values_are_refused_before_anything_is_sent()
        {
            Assert.Contains("at most", Refused(new Hashtable { ["text"] = new string('x', OptionsBinder.MaxStringLength + 1) }).Message);
            Assert.Contains("more than", Refused(new Hashtable { ["items"] = Enumerable.Repeat((object)"i", OptionsBinder.MaxItems + 1).ToArray() }).Message);
            IDictionary deep = new Hashtable { ["name"] = "bottom" };
            for (var i = 0; i < OptionsBinder.MaxDepth + 2; i++) deep = new Hashtable { ["inner"] = deep };
            Assert.Contains("nest deeper", Refused(new Hashtable { ["inner"] = deep }).Message);
            Assert.Equal(OptionsBinder.MaxStringLength, Bind(new Hashtable { ["text"] = new string('x', OptionsBinder.MaxStringLength) }).Text!.Length);
        }

        [Fact]
        public void A_method_without_options_refuses_any_parameter()
        {
            var e = Assert.Throws<OciException>(() => OptionsBinder.Bind<OciNoOptions>(OciRequest.Create("PING", null, null, new Hashtable { ["x"] = 1 })));
            Assert.Contains("it accepts: none", e.Message);
        }

        [Fact]
        public void A_credential_instance_binds()
        {
            var given = new OciRegistryCredential("u", "p");
            Assert.Same(given, Bind(new Hashtable { ["credential"] = given }).Credential);
        }
    }
}
