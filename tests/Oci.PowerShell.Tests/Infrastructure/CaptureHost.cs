using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace Oci.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// A PowerShell host that records what the engine shows a person (Out-Host tables, What if: lines),
    /// en-US and 160 columns wide, so format views and -WhatIf can be asserted on.
    /// </summary>
    public sealed class CaptureHost : PSHost
    {
        private readonly CaptureUI _ui = new();

        public override CultureInfo CurrentCulture => CultureInfo.GetCultureInfo("en-US");
        public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "Oci.PowerShell.Tests";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new(1, 0);

        /// <summary>Everything written to the host so far.</summary>
        public string Text => _ui.Text;

        /// <summary>Forgets what was written so far.</summary>
        public void Clear() => _ui.Clear();

        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class CaptureUI : PSHostUserInterface
        {
            private readonly StringBuilder _text = new();

            public string Text { get { lock (_text) return _text.ToString(); } }

            public void Clear() { lock (_text) _text.Clear(); }

            public override PSHostRawUserInterface RawUI { get; } = new Raw();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new NotSupportedException("The tests never prompt.");

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new NotSupportedException("The tests never prompt.");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new NotSupportedException("The tests never prompt.");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new NotSupportedException("The tests never prompt.");

            public override string ReadLine() => throw new NotSupportedException("The tests never read input.");
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The tests never read input.");

            public override void Write(string value) => Append(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
            public override void WriteLine(string value) => Append(value + "\n");
            public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
            public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
            public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
            public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
            public override void WriteProgress(long sourceId, ProgressRecord record) { }

            private void Append(string s) { lock (_text) _text.Append(s); }
        }

        private sealed class Raw : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
            public override Size BufferSize { get; set; } = new(160, 3000);
            public override Coordinates CursorPosition { get; set; }
            public override int CursorSize { get; set; }
            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
            public override bool KeyAvailable => false;
            public override Size MaxPhysicalWindowSize => new(160, 3000);
            public override Size MaxWindowSize => new(160, 3000);
            public override Coordinates WindowPosition { get; set; }
            public override Size WindowSize { get; set; } = new(160, 50);
            public override string WindowTitle { get; set; } = string.Empty;
            public override void FlushInputBuffer() { }
            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        }
    }
}
