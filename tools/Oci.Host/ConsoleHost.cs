using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace Oci.Host
{
    /// <summary>The minimal PSHost the engine needs to format output and report progress; no prompts.</summary>
    public sealed class ConsoleHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();

        public ConsoleUI ConsoleUI { get; } = new ConsoleUI();

        /// <summary>The code a top-level <c>exit</c> asked for, if any.</summary>
        public int? ExitCode { get; private set; }

        public override string Name => "Oci.Host";
        public override Version Version => new(0, 1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI => ConsoleUI;
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

        public override void EnterNestedPrompt() => throw new NotSupportedException("Oci.Host has no interactive prompt.");
        public override void ExitNestedPrompt() => throw new NotSupportedException("Oci.Host has no interactive prompt.");
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }
}
