using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Org.BouncyCastle.Utilities.IO.Pem;

namespace Oci.Tls
{
    /// <summary>
    /// Reads PEM files (RFC 7468 and OpenSSL's legacy headers) with BouncyCastle's reader, on every target: the
    /// same blocks and the same errors whichever way the key is then loaded. Errors name the file and what it was
    /// for, never its content.
    /// </summary>
    internal static class PemFile
    {
        /// <summary>The file's text; InvalidArgument naming <paramref name="path"/> when it is missing or unreadable.</summary>
        public static string ReadText(string path, string what)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new OciException(OciErrorKind.InvalidArgument, $"No path was given for the {what}.", path);
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                    throw new OciException(OciErrorKind.InvalidArgument,
                        Directory.Exists(path) ? $"The {what} '{path}' is a directory, not a PEM file." : $"The {what} '{path}' does not exist.", path);
                if (info.Length > 1024 * 1024)
                    throw new OciException(OciErrorKind.InvalidArgument, $"The {what} '{path}' is too large to be a PEM file ({info.Length} bytes).", path);
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"The {what} '{path}' cannot be read: {e.Message.TrimEnd('.')}.", path, innerException: e);
            }
        }

        /// <summary>The PEM blocks of <paramref name="text"/>, in order; a malformed one is an error naming <paramref name="path"/>.</summary>
        public static List<PemObject> Parse(string text, string path, string what)
        {
            var blocks = new List<PemObject>();
            using var reader = new PemReader(new StringReader(text));
            try
            {
                for (var block = reader.ReadPemObject(); block is not null; block = reader.ReadPemObject()) blocks.Add(block);
            }
            catch (IOException e)
            {
                // The reader's messages name labels and structure only ("END x was not found"); the decoder's inner
                // FormatException is reported as what it means, without its text.
                var why = e.InnerException is FormatException ? $"block {blocks.Count + 1} is not valid base64" : e.Message.TrimEnd('.');
                throw new OciException(OciErrorKind.InvalidArgument, $"The {what} '{path}' is not a valid PEM file: {why}.", path);
            }
            return blocks;
        }

        /// <summary>Reads and parses <paramref name="path"/>.</summary>
        public static List<PemObject> Read(string path, string what) => Parse(ReadText(path, what), path, what);

        /// <summary>True for a legacy OpenSSL block encrypted with a passphrase (<c>Proc-Type: 4,ENCRYPTED</c>).</summary>
        public static bool IsEncrypted(this PemObject block) =>
            block.Type == "ENCRYPTED PRIVATE KEY"
            || block.Headers.Any(h => h.Name.Equals("Proc-Type", StringComparison.OrdinalIgnoreCase) && h.Value.IndexOf("ENCRYPTED", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
