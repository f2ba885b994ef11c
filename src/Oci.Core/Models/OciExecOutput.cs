namespace Oci
{
    /// <summary>
    /// One piece of what a command of an <see cref="OciExecSession"/> wrote, as the engine framed it: the stream it
    /// came from and its bytes. Frames follow the engine's buffering, not the command's lines or characters.
    /// </summary>
    public sealed class OciExecOutput
    {
        public OciExecOutput(OciLogStream stream, byte[] data)
        {
            Stream = stream;
            Data = data ?? System.Array.Empty<byte>();
        }

        public OciLogStream Stream { get; }

        public byte[] Data { get; }

        public override string ToString() => $"{Stream}: {Data.Length} bytes";
    }
}
