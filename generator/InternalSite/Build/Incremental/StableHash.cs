using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace InternalSite.Build.Incremental;

/// <summary>Content hashes for cache keys: SHA-256 cut to 128 bits, as lowercase hex. Collisions are not a practical concern.</summary>
internal static class StableHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));

    public static string Of(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetByteCount(text), 1));
        try
        {
            return Of(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The hash of <paramref name="text"/>'s characters, the same as <see cref="Of(string)"/> of its string, without making that string.</summary>
    public static string Of(StringBuilder text)
    {
        var characters = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(text.Length), 1));
        try
        {
            var chars = characters.AsSpan(0, text.Length);
            text.CopyTo(0, chars, text.Length);
            return Of(buffer.AsSpan(0, Encoding.UTF8.GetBytes(chars, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(characters);
        }
    }

    /// <summary>A hash of several parts, each length-prefixed so ("ab", "c") and ("a", "bc") differ.</summary>
    public static string Of(params IEnumerable<string?> parts)
    {
        // One buffer, sized first and borrowed from the pool, hashed once: keys over every route of a large site have
        // tens of thousands of parts, and markdown keys hold whole page bodies; feeding parts to an incremental hash
        // one by one, or growing a fresh buffer for each key, costs more than the hashing itself.
        var list = parts as IReadOnlyList<string?> ?? parts.ToArray();
        var total = 0L;
        foreach (var part in list)
        {
            total += 4 + (part is null ? 0 : Encoding.UTF8.GetByteCount(part));
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(total, 1));
        try
        {
            var written = 0;
            foreach (var part in list)
            {
                var length = part is null ? -1 : Encoding.UTF8.GetBytes(part, buffer.AsSpan(written + 4));
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(written), length);
                written += 4 + Math.Max(length, 0);
            }

            return Of(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// FNV-1a over the characters: a cheap 32-bit hash, the same in every process, for spreading short keys over
    /// buckets or slots (not for cache keys, which need <see cref="Of(string)"/>).
    /// </summary>
    public static uint Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>The build of the generator itself: a new tool version invalidates every cache entry.</summary>
    public static readonly string ToolVersion = typeof(StableHash).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
