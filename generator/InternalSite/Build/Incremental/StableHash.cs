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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[5];
        foreach (var part in parts)
        {
            var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
            BitConverter.TryWriteBytes(length, part is null ? -1 : bytes.Length);
            hash.AppendData(length[..4]);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>The build of the generator itself: a new tool version invalidates every cache entry.</summary>
    public static readonly string ToolVersion = typeof(StableHash).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
