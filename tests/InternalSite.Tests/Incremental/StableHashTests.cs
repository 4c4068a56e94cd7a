using System.Security.Cryptography;
using System.Text;
using InternalSite.Build.Incremental;

namespace InternalSite.Tests.Incremental;

/// <summary>Cache keys saved on disk are these hashes: their definition must not drift, or every cache is thrown away.</summary>
public sealed class StableHashTests
{
    [Fact]
    public void Parts_are_hashed_length_prefixed_so_their_boundaries_count()
    {
        Assert.NotEqual(StableHash.Of("ab", "c"), StableHash.Of("a", "bc"));
        Assert.NotEqual(StableHash.Of("a", null), StableHash.Of("a", string.Empty));
        Assert.Equal(StableHash.Of("é", "x"), StableHash.Of(["é", "x"]));
    }

    [Fact]
    public void The_hash_of_parts_is_sha256_of_each_little_endian_length_and_utf8_bytes_cut_to_128_bits()
    {
        var expected = new List<byte>();
        foreach (var part in new[] { "route/é/", null, string.Empty })
        {
            var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
            expected.AddRange(LittleEndian(part is null ? -1 : bytes.Length));
            expected.AddRange(bytes);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(expected.ToArray()).AsSpan(0, 16));
        Assert.Equal(hash, StableHash.Of("route/é/", null, string.Empty));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("é, 漢字 and 😀 across the builder's chunks")]
    public void The_hash_of_a_builder_is_the_hash_of_its_string(string text)
    {
        // A builder grown by many appends holds its text in several chunks; a character pair may straddle two.
        var builder = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.Append(text);
        }

        Assert.Equal(StableHash.Of(builder.ToString()), StableHash.Of(builder));
    }

    private static byte[] LittleEndian(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
