using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace InternalSite.Build.Incremental;

/// <summary>Content hashes for cache keys: SHA-256 cut to 128 bits, as lowercase hex. Collisions are not a practical concern.</summary>
internal static class StableHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>A hash of several parts, each length-prefixed so ("ab", "c") and ("a", "bc") differ.</summary>
    public static string Of(params IEnumerable<string?> parts)
    {
        // One buffer hashed once: keys over every route of a large site have tens of thousands of parts, and feeding
        // them to an incremental hash one by one costs more than the hashing itself.
        var buffer = new ArrayBufferWriter<byte>(4096);
        foreach (var part in parts)
        {
            var length = part is null ? 0 : Encoding.UTF8.GetByteCount(part);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), part is null ? -1 : length);
            buffer.Advance(4);
            if (part is not null)
            {
                buffer.Advance(Encoding.UTF8.GetBytes(part, buffer.GetSpan(length)));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan).AsSpan(0, 16));
    }

    /// <summary>The build of the generator itself: a new tool version invalidates every cache entry.</summary>
    public static readonly string ToolVersion = typeof(StableHash).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
