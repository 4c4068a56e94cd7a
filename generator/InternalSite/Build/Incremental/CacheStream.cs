using System.Text;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The framing every cache file shares: a format name and the tool version first, so a file of another format or
/// another build of the tool is ignored; written to a temporary file renamed over the old one, so a reader never
/// sees half a file.
/// </summary>
internal static class CacheStream
{
    /// <summary>Writes <paramref name="path"/> atomically: the header, then <paramref name="body"/>.</summary>
    public static void Write(string path, string format, Action<BinaryWriter> body)
    {
        var temporary = path + $".{Environment.ProcessId}.tmp";
        using (var stream = new BufferedStream(File.Create(temporary), 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(format);
            writer.Write(StableHash.ToolVersion);
            body(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Writes what <paramref name="block"/> writes as one block: its length, then its bytes, so a reader can take the
    /// block whole (<see cref="CacheReader.ReadBlock"/>) and decode it only if it is needed. <paramref name="scratch"/>
    /// is emptied and reused.
    /// </summary>
    public static void WriteBlock(BinaryWriter w, MemoryStream scratch, Action<BinaryWriter> block)
    {
        scratch.SetLength(0);
        using (var blockWriter = new BinaryWriter(scratch, Encoding.UTF8, leaveOpen: true))
        {
            block(blockWriter);
        }

        w.Write((int)scratch.Length);
        w.Write(scratch.GetBuffer(), 0, (int)scratch.Length);
    }

    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="body"/> when it exists, has this header and can be read
    /// whole; false otherwise (a missing, foreign, stale or damaged cache only costs the work it would have saved).
    /// </summary>
    public static bool TryRead(string path, string format, Action<CacheReader> body)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var reader = new CacheReader(File.ReadAllBytes(path));
            if (reader.ReadString() != format || reader.ReadString() != StableHash.ToolVersion)
            {
                return false;
            }

            body(reader);
            return true;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>
/// Reads a cache file held whole in memory. Cache files are mostly long strings (rendered pages), which
/// <see cref="BinaryReader.ReadString"/> decodes 128 bytes at a time through a string builder; here each is decoded in
/// one call straight from the file's bytes. The format is the one <see cref="BinaryWriter"/> writes; a block written by
/// <see cref="CacheStream.WriteBlock"/> can be handed out undecoded and read later with a reader of its own.
/// </summary>
internal sealed class CacheReader : BinaryReader
{
    private readonly byte[] bytes;
    private readonly int offset;

    public CacheReader(byte[] bytes)
        : this(new ArraySegment<byte>(bytes))
    {
    }

    /// <summary>A reader of <paramref name="block"/> alone, as <see cref="ReadBlock"/> returned it.</summary>
    public CacheReader(ArraySegment<byte> block)
        : base(new MemoryStream(block.Array!, block.Offset, block.Count, writable: false), System.Text.Encoding.UTF8)
    {
        bytes = block.Array!;
        offset = block.Offset;
    }

    public override string ReadString()
    {
        var (start, length) = Span(Read7BitEncodedInt());
        return System.Text.Encoding.UTF8.GetString(bytes, start, length);
    }

    /// <summary>The next block's bytes, not copied: they stay in the file's buffer until read.</summary>
    public ArraySegment<byte> ReadBlock()
    {
        var (start, length) = Span(ReadInt32());
        return new ArraySegment<byte>(bytes, start, length);
    }

    /// <summary>Where the next <paramref name="length"/> bytes are in the buffer, moving past them.</summary>
    private (int Start, int Length) Span(int length)
    {
        var stream = BaseStream;
        var position = (int)stream.Position;
        if (length < 0 || length > stream.Length - position)
        {
            throw new EndOfStreamException("a cache field runs past the end of its file");
        }

        stream.Position = position + length;
        return (offset + position, length);
    }
}
