using System;
using System.Text;

namespace Oci.Tls
{
    /// <summary>The malformed-DER signal of <see cref="DerReader"/>; callers turn it into an error naming the file.</summary>
    internal sealed class DerFormatException : Exception
    {
        public DerFormatException(string message) : base(message) { }
    }

    /// <summary>A minimal DER reader: just what PKCS#1, PKCS#8 and SEC1 private keys need.</summary>
    internal sealed class DerReader
    {
        public const byte Integer = 0x02;
        public const byte BitString = 0x03;
        public const byte OctetString = 0x04;
        public const byte Null = 0x05;
        public const byte ObjectIdentifier = 0x06;
        public const byte Sequence = 0x30;

        private readonly byte[] _data;
        private readonly int _end;
        private int _position;

        public DerReader(byte[] data) : this(data, 0, data.Length) { }

        private DerReader(byte[] data, int start, int end)
        {
            _data = data;
            _position = start;
            _end = end;
        }

        public bool HasData => _position < _end;

        /// <summary>The tag of the next element; <c>0</c> at the end.</summary>
        public byte PeekTag() => HasData ? _data[_position] : (byte)0;

        /// <summary>The contents of the next element, which must carry <paramref name="tag"/>.</summary>
        public DerReader Read(byte tag)
        {
            var (start, length) = Header(tag);
            _position = start + length;
            return new DerReader(_data, start, start + length);
        }

        public DerReader ReadSequence() => Read(Sequence);

        /// <summary>An INTEGER's magnitude, big-endian, without the sign byte (the keys' integers are all positive).</summary>
        public byte[] ReadUnsignedInteger()
        {
            var bytes = Read(Integer).Rest();
            if (bytes.Length == 0) throw new DerFormatException("an empty INTEGER");
            if ((bytes[0] & 0x80) != 0) throw new DerFormatException("a negative INTEGER");
            var skip = 0;
            while (skip < bytes.Length - 1 && bytes[skip] == 0) skip++;
            return skip == 0 ? bytes : Slice(bytes, skip, bytes.Length - skip);
        }

        /// <summary>A small INTEGER (a version field).</summary>
        public int ReadSmallInteger()
        {
            var bytes = ReadUnsignedInteger();
            if (bytes.Length > 3) throw new DerFormatException("an INTEGER too large for a version");
            var v = 0;
            foreach (var b in bytes) v = (v << 8) | b;
            return v;
        }

        public byte[] ReadOctetString() => Read(OctetString).Rest();

        /// <summary>A BIT STRING's bytes (the unused-bits count must be 0).</summary>
        public byte[] ReadBitString()
        {
            var bytes = Read(BitString).Rest();
            if (bytes.Length == 0 || bytes[0] != 0) throw new DerFormatException("a BIT STRING with unused bits");
            return Slice(bytes, 1, bytes.Length - 1);
        }

        /// <summary>An OBJECT IDENTIFIER in dotted form.</summary>
        public string ReadOid()
        {
            var bytes = Read(ObjectIdentifier).Rest();
            if (bytes.Length == 0) throw new DerFormatException("an empty OBJECT IDENTIFIER");
            var sb = new StringBuilder();
            long value = 0;
            var first = true;
            foreach (var b in bytes)
            {
                value = (value << 7) | (uint)(b & 0x7F);
                if (value > int.MaxValue) throw new DerFormatException("an OBJECT IDENTIFIER arc too large");
                if ((b & 0x80) != 0) continue;
                if (first)
                {
                    var a = value < 40 ? 0 : value < 80 ? 1 : 2;
                    sb.Append(a).Append('.').Append(value - 40 * a);
                    first = false;
                }
                else
                {
                    sb.Append('.').Append(value);
                }
                value = 0;
            }
            if ((bytes[bytes.Length - 1] & 0x80) != 0) throw new DerFormatException("a truncated OBJECT IDENTIFIER");
            return sb.ToString();
        }

        /// <summary>Skips the next element, whatever it is.</summary>
        public void Skip()
        {
            var (start, length) = Header(null);
            _position = start + length;
        }

        /// <summary>The remaining bytes, as a copy.</summary>
        public byte[] Rest()
        {
            var r = Slice(_data, _position, _end - _position);
            _position = _end;
            return r;
        }

        private (int Start, int Length) Header(byte? expected)
        {
            if (!HasData) throw new DerFormatException("it ends early");
            var tag = _data[_position];
            if (expected is { } e && tag != e) throw new DerFormatException($"expected tag 0x{e:x2}, found 0x{tag:x2}");
            var p = _position + 1;
            if (p >= _end) throw new DerFormatException("it ends early");
            int length = _data[p++];
            if (length >= 0x80)
            {
                var count = length & 0x7F;
                if (count == 0 || count > 4) throw new DerFormatException("an unsupported length encoding");
                length = 0;
                for (var i = 0; i < count; i++)
                {
                    if (p >= _end) throw new DerFormatException("it ends early");
                    length = (length << 8) | _data[p++];
                }
                if (length < 0) throw new DerFormatException("a length too large");
            }
            if (length > _end - p) throw new DerFormatException("an element longer than its container");
            return (p, length);
        }

        private static byte[] Slice(byte[] data, int start, int length)
        {
            var r = new byte[length];
            Buffer.BlockCopy(data, start, r, 0, length);
            return r;
        }
    }
}
