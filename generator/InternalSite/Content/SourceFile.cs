using InternalSite.Build.Incremental;

namespace InternalSite.Content;

/// <summary>
/// One file of the site as read from disk or memory. <see cref="Path"/> is relative to the site root, with '/'.
/// A file whose stamp on disk matches the one recorded by the last build is not read up front: its content hash is the
/// recorded one, and its bytes are read when first asked for (a page restored from the build cache never asks).
/// </summary>
public sealed class SourceFile
{
    private readonly string? fullPath;
    private byte[]? bytes;
    private string? contentHash;

    public SourceFile(string path, byte[] bytes)
    {
        Path = path;
        this.bytes = bytes;
        Length = bytes.Length;
    }

    /// <summary>A file on disk not read yet, whose bytes hash to <paramref name="knownHash"/> (as recorded with its stamp).</summary>
    internal SourceFile(string path, string fullPath, FileStamp stamp, string knownHash)
    {
        Path = path;
        this.fullPath = fullPath;
        Stamp = stamp;
        Length = stamp.Size;
        contentHash = knownHash;
    }

    /// <summary>A file read from disk, with its stamp as seen before it was read.</summary>
    internal SourceFile(string path, byte[] bytes, FileStamp? stamp)
        : this(path, bytes)
    {
        Stamp = stamp;
    }

    public string Path { get; }

    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    public bool IsMarkdown => IsMarkdownPath(Path);

    /// <summary>The number of bytes, known without reading them.</summary>
    public long Length { get; }

    /// <summary>
    /// The file's bytes, read on first use for a file not read up front. They must still hash to the recorded hash: a
    /// file changed since the build looked at it is not silently mixed with what the build already took from it.
    /// </summary>
    public byte[] Bytes => Volatile.Read(ref bytes) ?? Load();

    /// <summary>Whether the bytes are in memory (false for a file whose stamp was unchanged, until they are asked for).</summary>
    internal bool IsRead => Volatile.Read(ref bytes) is not null;

    /// <summary>The hash of the bytes (<see cref="StableHash.Of(byte[])"/>), computed once, or as recorded.</summary>
    internal string ContentHash => Volatile.Read(ref contentHash) ?? (contentHash = StableHash.Of(Bytes));

    /// <summary>Whether <see cref="ContentHash"/> is known without hashing (recorded, or computed already).</summary>
    internal bool HasContentHash => Volatile.Read(ref contentHash) is not null;

    /// <summary>The file's stamp when the build first looked at it; null for a file not from disk.</summary>
    internal FileStamp? Stamp { get; }

    internal static bool IsMarkdownPath(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() == ".md";

    private byte[] Load()
    {
        var read = File.ReadAllBytes(fullPath!);
        if (StableHash.Of(read) != contentHash)
        {
            throw new SourceChangedException(Path);
        }

        return Interlocked.CompareExchange(ref bytes, read, null) ?? read;
    }
}

/// <summary>A file changed while the site was being built from it: the build cannot be trusted, and must run again.</summary>
public sealed class SourceChangedException(string path)
    : IOException($"{path} changed while the site was being built; build again")
{
    public string SourcePath { get; } = path;
}
