using System.Buffers;
using System.Text;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The fingerprints of the dependency table, as UTF-8 in one block. A large site has hundreds of thousands of them,
/// and an incremental build only compares about half with a value it evaluates and carries the rest over unread:
/// held as one string each they cost that many strings to load and again to save. Here loading is one read of the
/// block, a comparison encodes the evaluated fingerprint instead of decoding the stored one, and a carried fingerprint
/// is copied as bytes into the next build's table.
/// </summary>
internal sealed class FingerprintTable
{
    private readonly byte[] bytes;

    // Where each fingerprint starts in bytes, and after the last one where it ends. A table read from a cache file
    // is a part of the file's array (loading copies nothing), so the first need not start at 0.
    private readonly int[] starts;

    private FingerprintTable(byte[] bytes, int[] starts)
    {
        this.bytes = bytes;
        this.starts = starts;
    }

    public static FingerprintTable Empty { get; } = new([], [0]);

    public int Count => starts.Length - 1;

    /// <summary>The size of the block, to size a table made from this one.</summary>
    public int ByteCount => starts[^1] - starts[0];

    public string this[int index] => Encoding.UTF8.GetString(Bytes(index));

    public static FingerprintTable Of(IEnumerable<string> fingerprints)
    {
        var builder = new Builder();
        foreach (var fingerprint in fingerprints)
        {
            builder.Add(fingerprint);
        }

        return builder.ToTable();
    }

    /// <summary>True when the fingerprint at <paramref name="index"/> is <paramref name="fingerprint"/>.</summary>
    public bool Is(int index, string fingerprint)
    {
        var stored = Bytes(index);
        if (Encoding.UTF8.GetMaxByteCount(fingerprint.Length) <= 256)
        {
            Span<byte> encoded = stackalloc byte[256];
            return stored.SequenceEqual(encoded[..Encoding.UTF8.GetBytes(fingerprint, encoded)]);
        }

        return stored.SequenceEqual(Encoding.UTF8.GetBytes(fingerprint));
    }

    public void WriteTo(BinaryWriter w)
    {
        w.Write(Count);
        for (var i = 0; i < Count; i++)
        {
            w.Write7BitEncodedInt(starts[i + 1] - starts[i]);
        }

        w.Write(ByteCount);
        w.Write(bytes, starts[0], ByteCount);
    }

    public static FingerprintTable Read(BinaryReader r)
    {
        var starts = new int[StringTable.Count(r.ReadInt32()) + 1];
        for (var i = 1; i < starts.Length; i++)
        {
            var end = (long)starts[i - 1] + StringTable.Count(r.Read7BitEncodedInt());
            starts[i] = end <= int.MaxValue ? (int)end : throw new FormatException("the fingerprint table is larger than it can be");
        }

        var length = StringTable.Count(r.ReadInt32());
        if (length != starts[^1])
        {
            throw new FormatException("the fingerprint table's lengths do not add up to its size");
        }

        var (bytes, offset) = r is CacheReader file ? file.ReadInPlace(length) : (r.ReadBytes(length), 0);
        if (bytes.Length - offset < length)
        {
            throw new EndOfStreamException("the fingerprint table is cut short");
        }

        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] += offset;
        }

        return new FingerprintTable(bytes, starts);
    }

    private ReadOnlySpan<byte> Bytes(int index) => bytes.AsSpan(starts[index], starts[index + 1] - starts[index]);

    /// <summary>Makes a table from fingerprints given as text or copied from another table.</summary>
    public sealed class Builder(int expectedCount = 0, int expectedBytes = 0)
    {
        private readonly ArrayBufferWriter<byte> bytes = new(Math.Max(expectedBytes, 256));
        private readonly List<int> starts = new(expectedCount + 1) { 0 };

        public int Count => starts.Count - 1;

        public void Add(string fingerprint)
        {
            var written = Encoding.UTF8.GetBytes(fingerprint, bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(fingerprint.Length)));
            bytes.Advance(written);
            starts.Add(bytes.WrittenCount);
        }

        public void AddFrom(FingerprintTable table, int index)
        {
            bytes.Write(table.Bytes(index));
            starts.Add(bytes.WrittenCount);
        }

        public FingerprintTable ToTable() => new(bytes.WrittenSpan.ToArray(), [.. starts]);
    }
}
