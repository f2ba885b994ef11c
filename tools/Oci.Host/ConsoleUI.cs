using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace Oci.Host
{
    /// <summary>
    /// Output (what Out-Default renders) goes to stdout; errors, warnings, verbose, debug and progress
    /// to stderr so a caller can pipe the objects' text alone. Prompts are refused: the host is
    /// non-interactive, so a script that needs input fails instead of hanging.
    /// </summary>
    public sealed class ConsoleUI : PSHostUserInterface
    {
        private readonly ProgressPrinter _progress = new(Console.Error);

        public override PSHostRawUserInterface RawUI { get; } = new ConsoleRawUI();

        /// <summary>Escape sequences only reach a terminal; the engine's helper strips them otherwise (as pwsh does).</summary>
        public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

        public override void Write(string value) => Console.Out.Write(Plain(value));
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(Plain(value));
        public override void WriteLine(string value) => Console.Out.WriteLine(Plain(value));

        public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);
        public override void WriteWarningLine(string message) => Console.Error.WriteLine("WARNING: " + message);
        public override void WriteVerboseLine(string message) => Console.Error.WriteLine("VERBOSE: " + message);
        public override void WriteDebugLine(string message) => Console.Error.WriteLine("DEBUG: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record) => _progress.Write(record);

        public void FlushProgress() => _progress.Flush();

        /// <summary>An error as pwsh's concise view would show it, plus the id tests and users grep for.</summary>
        public void WriteErrorRecord(ErrorRecord record)
        {
            var where = record.InvocationInfo?.MyCommand?.Name;
            var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? record.ToString();
            Console.Error.WriteLine(string.IsNullOrEmpty(where) ? $"ERROR: {message}" : $"ERROR: {where}: {message}");
            Console.Error.WriteLine($"  ({record.CategoryInfo.Category}, {record.FullyQualifiedErrorId}, target: {record.TargetObject ?? "-"})");
        }

        private string Plain(string value) => GetOutputString(value, SupportsVirtualTerminal);

        public override string ReadLine() => throw NonInteractive();
        public override SecureString ReadLineAsSecureString() => throw NonInteractive();
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NonInteractive();
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NonInteractive();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NonInteractive();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NonInteractive();

        private static PSInvalidOperationException NonInteractive() =>
            new("Oci.Host is non-interactive: it cannot prompt. Pass the value as a parameter (or -Confirm:$false).");
    }
}
