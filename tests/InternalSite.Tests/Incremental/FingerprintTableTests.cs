using System.Text;
using InternalSite.Build.Incremental;

namespace InternalSite.Tests.Incremental;

/// <summary>The dependency table's fingerprints, kept as UTF-8 in one block.</summary>
public sealed class FingerprintTableTests
{
    private static readonly string Long = new string('f', 300) + "é";

    private static readonly string[] Fingerprints = ["=\"5:title", "0123456789abcdef0123456789abcdef", string.Empty, "=\"4:café 😀", Long];

    [Fact]
    public void A_table_gives_back_each_fingerprint_and_matches_only_that_one()
    {
        var table = FingerprintTable.Of(Fingerprints);
        Assert.Equal(Fingerprints.Length, table.Count);
        for (var i = 0; i < Fingerprints.Length; i++)
        {
            Assert.Equal(Fingerprints[i], table[i]);
            Assert.True(table.Is(i, Fingerprints[i]));
            Assert.False(table.Is(i, Fingerprints[i] + "x"));
        }

        Assert.False(table.Is(3, "=\"4:cafe 😀"));
        Assert.False(table.Is(4, Long[..^1] + "e"));
    }

    [Fact]
    public void A_table_saved_and_read_back_is_the_same_and_copies_keep_their_bytes()
    {
        var table = FingerprintTable.Of(Fingerprints);
        var builder = new FingerprintTable.Builder();
        builder.AddFrom(table, 3);
        builder.Add("new");
        builder.AddFrom(table, 4);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            builder.ToTable().WriteTo(writer);
        }

        stream.Position = 0;
        var read = FingerprintTable.Read(new BinaryReader(stream));
        Assert.Equal([Fingerprints[3], "new", Long], Enumerable.Range(0, read.Count).Select(i => read[i]));
    }

    [Fact]
    public void A_table_read_in_place_from_the_middle_of_a_cache_file_is_the_same_and_saves_the_same_bytes()
    {
        var table = FingerprintTable.Of(Fingerprints);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("something before the table");
            table.WriteTo(writer);
            writer.Write("something after it");
        }

        using var reader = new CacheReader(stream.ToArray());
        Assert.Equal("something before the table", reader.ReadString());
        var read = FingerprintTable.Read(reader);
        Assert.Equal("something after it", reader.ReadString());
        Assert.Equal(Fingerprints, Enumerable.Range(0, read.Count).Select(i => read[i]));
        Assert.True(read.Is(4, Long));
        Assert.Equal(table.ByteCount, read.ByteCount);

        var copy = new FingerprintTable.Builder();
        copy.AddFrom(read, 1);
        Assert.Equal(Fingerprints[1], copy.ToTable()[0]);
        Assert.Equal(Saved(table), Saved(read));
    }

    private static byte[] Saved(FingerprintTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            table.WriteTo(writer);
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_table_whose_lengths_do_not_add_up_is_refused()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(1);
            writer.Write7BitEncodedInt(5);
            writer.Write(4);
            writer.Write("abcd"u8.ToArray());
        }

        stream.Position = 0;
        Assert.Throws<FormatException>(() => FingerprintTable.Read(new BinaryReader(stream)));
    }
}
