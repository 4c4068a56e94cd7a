using System.Security.Cryptography;
using System.Text;

namespace InternalSite.Outputs.Images;

/// <summary>
/// Processed images and cards on disk, keyed by a hash of everything that decides their bytes (the source bytes or the
/// card's text, and the settings). Outside the output folder and safe to delete: a missing or unreadable entry is
/// simply made again. Entries are written to a temporary name and moved into place, so parallel builds never read half
/// a file. With no folder (a site in memory) it keeps nothing.
/// </summary>
public sealed class ImageCache(string? folder, bool writable = true)
{
    public string? Folder { get; } = folder;

    /// <summary>False for builds that must write nothing, such as <c>check</c>.</summary>
    public bool IsWritable { get; } = writable;

    public bool IsEnabled => Folder is not null;

    /// <summary>A cache key: the hex SHA-256 of the parts, each length-prefixed so no two part lists collide.</summary>
    /// <remarks>
    /// Every page's card asks for a key on every build, so the parts are laid out in one pooled buffer and hashed in
    /// one call: an incremental hash object per key costs more than the hashing. The bytes hashed are the same.
    /// </remarks>
    public static string Key(params ReadOnlySpan<object> parts)
    {
        var texts = new string?[parts.Length];
        var total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is byte[] bytes)
            {
                total += 4 + bytes.Length;
            }
            else
            {
                texts[i] = Convert.ToString(parts[i], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                total += 4 + Encoding.UTF8.GetByteCount(texts[i]!);
            }
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                var length = texts[i] is { } text
                    ? Encoding.UTF8.GetBytes(text, buffer.AsSpan(written + 4))
                    : CopyTo((byte[])parts[i], buffer.AsSpan(written + 4));
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(written), length);
                written += 4 + length;
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int CopyTo(byte[] bytes, Span<byte> destination)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }

    /// <summary>The file an entry lives in, e.g. <c>cards/ab/ab12….png</c>; null without a folder.</summary>
    public string? PathOf(string area, string key, string extension) =>
        Folder is null ? null : Path.Combine(Folder, area, key[..2], key + extension);

    public bool Contains(string area, string key, string extension) => PathOf(area, key, extension) is { } path && File.Exists(path);

    public byte[]? TryRead(string area, string key, string extension)
    {
        if (PathOf(area, key, extension) is not { } path)
        {
            return null;
        }

        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry; a cache that cannot be written only costs speed, never the build.</summary>
    public void Write(string area, string key, string extension, byte[] bytes)
    {
        if (!IsWritable || PathOf(area, key, extension) is not { } path)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only checkout or full disk: the next build simply processes the item again.
        }
    }
}
