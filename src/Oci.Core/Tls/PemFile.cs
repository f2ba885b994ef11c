using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Oci.Tls
{
    /// <summary>One <c>-----BEGIN label-----</c> ... <c>-----END label-----</c> block of a PEM file, decoded.</summary>
    internal sealed class PemBlock
    {
        public PemBlock(string label, byte[] der, bool encrypted)
        {
            Label = label;
            Der = der;
            Encrypted = encrypted;
        }

        public string Label { get; }

        /// <summary>The DER bytes (for a key: secret; never shown).</summary>
        public byte[] Der { get; }

        /// <summary>True for a legacy OpenSSL block with <c>Proc-Type: 4,ENCRYPTED</c> headers.</summary>
        public bool Encrypted { get; }

        public override string ToString() => Label + " (" + Der.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes)";
    }

    /// <summary>
    /// Reads PEM files (RFC 7468, plus OpenSSL's legacy headers) without the PEM APIs netstandard2.0 lacks. Errors
    /// name the file and what it was for, never its content.
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

        /// <summary>The PEM blocks of <paramref name="text"/>, in order; malformed ones are an error naming <paramref name="path"/>.</summary>
        public static List<PemBlock> Parse(string text, string path, string what)
        {
            var blocks = new List<PemBlock>();
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (!line.StartsWith("-----BEGIN ", StringComparison.Ordinal) || !line.EndsWith("-----", StringComparison.Ordinal) || line.Length < 16) continue;
                var label = line.Substring(11, line.Length - 16);
                var end = "-----END " + label + "-----";
                var body = new StringBuilder();
                var encrypted = false;
                var closed = false;
                for (i++; i < lines.Length; i++)
                {
                    var l = lines[i].Trim();
                    if (l == end)
                    {
                        closed = true;
                        break;
                    }
                    if (l.IndexOf(':') >= 0)
                    {
                        // RFC 1421 headers of OpenSSL's legacy format (Proc-Type, DEK-Info).
                        if (l.StartsWith("Proc-Type:", StringComparison.OrdinalIgnoreCase) && l.IndexOf("ENCRYPTED", StringComparison.OrdinalIgnoreCase) >= 0) encrypted = true;
                        continue;
                    }
                    body.Append(l);
                }
                if (!closed)
                    throw new OciException(OciErrorKind.InvalidArgument, $"The {what} '{path}' is not a valid PEM file: the {label} block has no END line.", path);
                byte[] der;
                try
                {
                    der = Convert.FromBase64String(body.ToString());
                }
                catch (FormatException)
                {
                    throw new OciException(OciErrorKind.InvalidArgument, $"The {what} '{path}' is not a valid PEM file: its {label} block is not valid base64.", path);
                }
                blocks.Add(new PemBlock(label, der, encrypted));
            }
            return blocks;
        }

        /// <summary>Reads and parses <paramref name="path"/>.</summary>
        public static List<PemBlock> Read(string path, string what) => Parse(ReadText(path, what), path, what);
    }
}
