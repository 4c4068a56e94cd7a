using System.Buffers.Binary;
using System.Text;

namespace InternalSite.Build.Incremental;

/// <summary>
/// Reads the few hundred bytes of one cached page (<see cref="ParsedPageCodec"/>), in the format
/// <see cref="BinaryWriter"/> wrote them, straight from the array: a build restores thousands of pages, and a stream
/// and a <see cref="BinaryReader"/> (with its decoder and buffers) for each cost more than the reading.
/// </summary>
internal sealed class PageDataReader(byte[] data)
{
    private int position;

    public byte ReadByte() => position < data.Length ? data[position++] : throw new EndOfStreamException("a cached page ends early");

    public bool ReadBoolean() => ReadByte() != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    public string ReadString() => Encoding.UTF8.GetString(ReadStringBytes());

    /// <summary>A string's UTF-8 bytes, for a caller that may not need the string itself.</summary>
    public ReadOnlySpan<byte> ReadStringBytes() => Take(Read7BitEncodedInt());

    private int Read7BitEncodedInt()
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("a cached page has a malformed length");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(data.Length - position))
        {
            throw new EndOfStreamException("a cached page ends early");
        }

        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }
}
