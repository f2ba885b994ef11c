using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using Xunit;
using Xunit.Sdk;

namespace Oci.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// One runspace of the hosted PowerShell engine (core cmdlets only) with the built module imported and
    /// the same variables the Pester files set: $ModulePath, $Endpoint, $Registry, $Small, $Small10, $Big,
    /// $Layers, $DeadEndpoint, $StoppedRegistry.
    /// </summary>
    public sealed class PsSession : IDisposable
    {
        private PsSession(bool importModule)
        {
            Host = new CaptureHost();
            var iss = InitialSessionState.CreateDefault2();
            Runspace = RunspaceFactory.CreateRunspace(Host, iss);
            Runspace.Open();
            var vars = new Dictionary<string, object>
            {
                ["ModulePath"] = TestEnvironment.ModuleManifest,
                ["Endpoint"] = TestEnvironment.DockerHost,
                ["Registry"] = TestEnvironment.Registry,
                ["Small"] = TestEnvironment.Small,
                ["Small10"] = TestEnvironment.Small10,
                ["Big"] = TestEnvironment.Big,
                ["Layers"] = TestEnvironment.Layers,
                ["DeadEndpoint"] = TestEnvironment.DeadEndpoint,
                ["StoppedRegistry"] = TestEnvironment.StoppedRegistry,
                ["PodmanEndpoint"] = TestEnvironment.PodmanHost,
                ["AuthRegistry"] = TestEnvironment.AuthRegistry,
                ["AuthUser"] = TestEnvironment.AuthUser,
                ["AuthPassword"] = TestEnvironment.AuthPassword,
                ["TlsEndpoint"] = TestEnvironment.TlsHost,
            };
            foreach (var v in vars) Runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            var setup = Run("$PSStyle.OutputRendering = 'PlainText'\n" + Functions + (importModule ? "\nImport-Module $ModulePath -ErrorAction Stop" : string.Empty));
            if (!setup.Succeeded)
                throw new XunitException($"Import-Module {TestEnvironment.ModuleManifest} failed:\n{setup.Describe()}");
        }

        /// <summary>Helper functions every runspace has (tests/Pester/TestHelpers.ps1 defines the same).</summary>
        private const string Functions = @"
function global:New-TestCredential {
    # A PSCredential without ConvertTo-SecureString (the hosted engine has only the core cmdlets).
    param([string] $User = $AuthUser, [string] $Password = $AuthPassword)
    [pscredential]::new($User, [System.Net.NetworkCredential]::new('', $Password).SecurePassword)
}";

        /// <summary>A new runspace; with <paramref name="importModule"/> the Oci module is imported in it.</summary>
        public static PsSession Start(bool importModule = true) => new(importModule);

        public CaptureHost Host { get; }

        public Runspace Runspace { get; }

        /// <summary>Runs <paramref name="script"/> (optionally with named arguments) and records every stream.</summary>
        public PsResult Run(string script, IDictionary? parameters = null)
        {
            using var ps = CreatePowerShell(script, parameters);
            var before = Host.Text.Length;
            var result = new PsResult();
            try
            {
                foreach (var o in ps.Invoke()) result.Output.Add(o);
            }
            catch (RuntimeException e)
            {
                result.Terminating = e;
            }
            result.Collect(ps, Host.Text.Substring(before));
            return result;
        }

        /// <summary>A PowerShell instance on this runspace, for BeginInvoke/Stop scenarios.</summary>
        public System.Management.Automation.PowerShell CreatePowerShell(string script, IDictionary? parameters = null)
        {
            var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = Runspace;
            ps.AddScript(script);
            if (parameters is not null) ps.AddParameters(parameters);
            return ps;
        }

        /// <summary>
        /// Connect-OciEngine to the test engine (assigned to $c as well); fails the test with a clear message when
        /// the engine cannot be reached: these tests need the real engine and never skip.
        /// </summary>
        public PSObject Connect(string? name = null, string variable = "c")
        {
            var r = Run($"${variable} = Connect-OciEngine -Endpoint $Endpoint{(name is null ? string.Empty : " -Name '" + name + "'")}; ${variable}");
            if (!r.Succeeded || r.Output.Count != 1)
                throw new XunitException(
                    $"Cannot connect to the Docker test engine at {TestEnvironment.DockerHost} (env OCI_TEST_DOCKER_HOST). " +
                    $"These tests need the real engine and registry ({TestEnvironment.Registry}, env OCI_TEST_REGISTRY) running; start the test bed.\n{r.Describe()}");
            return r.Output[0];
        }

        public void Dispose() => Runspace.Dispose();
    }

    /// <summary>What one run produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new();
        public List<ErrorRecord> Errors { get; } = new();
        public List<ProgressRecord> Progress { get; } = new();
        public List<VerboseRecord> Verbose { get; } = new();
        public List<WarningRecord> Warnings { get; } = new();
        public List<InformationRecord> Information { get; } = new();
        public List<DebugRecord> Debug { get; } = new();

        /// <summary>The terminating error, when the script stopped on one.</summary>
        public RuntimeException? Terminating { get; set; }

        /// <summary>What was written to the host during the run (Out-Host output, What if: lines).</summary>
        public string HostText { get; private set; } = string.Empty;

        public bool Succeeded => Terminating is null && Errors.Count == 0;

        /// <summary>The non-terminating errors, then the terminating one's record.</summary>
        public IReadOnlyList<ErrorRecord> AllErrors =>
            Terminating?.ErrorRecord is { } t ? Errors.Concat(new[] { t }).ToList() : Errors;

        internal void Collect(System.Management.Automation.PowerShell ps, string hostText)
        {
            Errors.AddRange(ps.Streams.Error);
            Progress.AddRange(ps.Streams.Progress);
            Verbose.AddRange(ps.Streams.Verbose);
            Warnings.AddRange(ps.Streams.Warning);
            Information.AddRange(ps.Streams.Information);
            Debug.AddRange(ps.Streams.Debug);
            HostText = hostText;
        }

        /// <summary>Everything, for assertion messages.</summary>
        public string Describe()
        {
            var sb = new StringBuilder();
            sb.Append("output (").Append(Output.Count).Append("): ").AppendLine(string.Join(" | ", Output.Select(o => $"{Ps.TypeName(o)}: {o}")));
            foreach (var e in Errors) sb.Append("error: ").Append(e.FullyQualifiedErrorId).Append(" [").Append(e.CategoryInfo.Category).Append("] target=").Append(e.TargetObject).Append(": ").AppendLine(e.ToString());
            if (Terminating is not null)
                sb.Append("terminating: ").Append(Terminating.ErrorRecord?.FullyQualifiedErrorId).Append(' ').Append(Terminating.GetType().Name).Append(": ").AppendLine(Terminating.Message);
            foreach (var v in Verbose) sb.Append("verbose: ").AppendLine(v.Message);
            foreach (var w in Warnings) sb.Append("warning: ").AppendLine(w.Message);
            foreach (var d in Debug) sb.Append("debug: ").AppendLine(d.Message);
            if (HostText.Length > 0) sb.Append("host: ").AppendLine(HostText);
            return sb.ToString();
        }

        /// <summary>
        /// Every text the run showed or handed back, stream by stream: outputs (ToString and every property value),
        /// errors (message, details, recommended action, target, the exception chain), verbose, debug, warning,
        /// information and progress records, and what was written to the host. For "no secret anywhere" checks.
        /// </summary>
        public string AllText()
        {
            var sb = new StringBuilder();
            foreach (var o in Output)
            {
                sb.AppendLine(o?.ToString());
                if (o is null) continue;
                foreach (var p in o.Properties)
                {
                    object? v;
                    try { v = p.Value; } catch (Exception) { continue; }
                    sb.AppendLine(p.Name + "=" + v);
                    if (Ps.Base(v) is { } b && b.GetType().Namespace?.StartsWith("Oci", StringComparison.Ordinal) == true)
                        foreach (var inner in PSObject.AsPSObject(b).Properties)
                        {
                            try { sb.AppendLine("  " + inner.Name + "=" + inner.Value); } catch (Exception) { }
                        }
                }
            }
            foreach (var e in AllErrors)
            {
                sb.AppendLine(e.ToString()).AppendLine(e.FullyQualifiedErrorId).AppendLine(e.ErrorDetails?.Message)
                  .AppendLine(e.ErrorDetails?.RecommendedAction).AppendLine(Convert.ToString(e.TargetObject)).AppendLine(e.CategoryInfo.ToString());
                for (Exception? x = e.Exception; x is not null; x = x.InnerException) sb.AppendLine(x.ToString());
            }
            if (Terminating is not null) sb.AppendLine(Terminating.ToString());
            foreach (var v in Verbose) sb.AppendLine(v.Message);
            foreach (var d in Debug) sb.AppendLine(d.Message);
            foreach (var w in Warnings) sb.AppendLine(w.Message);
            foreach (var i in Information) sb.AppendLine(Convert.ToString(i.MessageData));
            foreach (var p in Progress) sb.AppendLine(p.Activity).AppendLine(p.StatusDescription).AppendLine(p.CurrentOperation);
            sb.AppendLine(HostText);
            return sb.ToString();
        }

        /// <summary>Asserts the run had no error at all.</summary>
        public PsResult AssertSucceeded()
        {
            Assert.True(Succeeded, "The script failed:\n" + Describe());
            return this;
        }
    }

    /// <summary>Reading PowerShell objects from C#.</summary>
    public static class Ps
    {
        /// <summary>The error's FullyQualifiedErrorId, category and target (the offending value as the user gave it).</summary>
        public static void AssertError(ErrorRecord error, string fullyQualifiedErrorId, ErrorCategory category, string? target)
        {
            Assert.Equal(fullyQualifiedErrorId, error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Equal(target, error.TargetObject?.ToString());
        }

        /// <summary>The .NET type name of the object behind <paramref name="o"/>.</summary>
        public static string TypeName(object? o) => Base(o)?.GetType().FullName ?? "<null>";

        public static object? Base(object? o) => o is PSObject p ? p.BaseObject : o;

        /// <summary>Property <paramref name="name"/> of <paramref name="o"/>, unwrapped.</summary>
        public static object? Get(object? o, string name)
        {
            Assert.NotNull(o);
            var prop = PSObject.AsPSObject(o!).Properties[name];
            Assert.True(prop is not null, $"{TypeName(o)} has no property '{name}'.");
            return Base(prop!.Value);
        }

        public static string? Str(object? o, string name) => Get(o, name)?.ToString();

        /// <summary>The items of an enumerable property value (or the value itself).</summary>
        public static List<object?> Items(object? value) =>
            value is IEnumerable e and not string ? e.Cast<object?>().Select(Base).ToList() : new List<object?> { value };
    }
}
