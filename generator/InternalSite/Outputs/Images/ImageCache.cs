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
    public static string Key(params ReadOnlySpan<object> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = part as byte[] ?? Encoding.UTF8.GetBytes(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
