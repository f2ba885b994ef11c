using System.IO;
using System.Text;

namespace Oci.PowerShell.Remoting
{
    /// <summary>
    /// The writer PowerShell sends its protocol messages through (one line each): they go to pwsh's stdin in the
    /// container. A failed write is an <see cref="IOException"/>, which PowerShell takes as the transport being closed.
    /// </summary>
    internal sealed class ExecMessageWriter : TextWriter
    {
        private readonly OciExecSession _session;

        public ExecMessageWriter(OciExecSession session) => _session = session;

        public override Encoding Encoding { get; } = new UTF8Encoding(false);

        public override void Write(char value) => Send(value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value)) Send(value);
        }

        public override void WriteLine(string? value) => Send((value ?? string.Empty) + "\n");

        // PowerShell writes from its own threads and waits: the write completes before the next message is sent.
        private void Send(string text)
        {
            try
            {
                _session.WriteAsync(text).GetAwaiter().GetResult();
            }
            catch (OciException e)
            {
                throw new IOException(e.Message, e);
            }
        }
    }
}
