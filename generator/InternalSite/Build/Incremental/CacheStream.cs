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
        using var pending = PendingCacheFile.Begin(path, format, body);
        pending.Complete(_ => { });
    }

    /// <summary>
    /// Writes <paramref name="path"/> atomically in two parts: a header that every reader reads whole, then blocks that
    /// a reader fetches from the file one by one, only when it needs them (<see cref="TryReadWithBlocks"/>).
    /// <paramref name="body"/> writes the header and, through the block writer, the blocks it names there.
    /// </summary>
    public static void WriteWithBlocks(string path, string format, Action<BinaryWriter, CacheBlockWriter> body)
    {
        var header = new MemoryStream();
        var blocks = new CacheBlockWriter();
        using (var headerWriter = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
        {
            body(headerWriter, blocks);
        }

        Write(path, format, w =>
        {
            w.Write((int)header.Length);
            w.Write(header.GetBuffer(), 0, (int)header.Length);
            blocks.CopyTo(w);
        });
    }

    /// <summary>
    /// Reads the header of a file written by <see cref="WriteWithBlocks"/> with <paramref name="body"/>, handing it a
    /// reader of the blocks that stays usable after this returns; false as <see cref="TryRead"/> says. The file stays
    /// open for the blocks, shared so that a later build can still replace it (the open file keeps its old bytes).
    /// </summary>
    public static bool TryReadWithBlocks(string path, string format, Action<CacheReader, CacheBlockReader> body)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);
            var start = new byte[(int)Math.Min(length, 1024)];
            CacheBlockReader.ReadExactly(handle, start, 0);
            int headerLength;
            long headerStart;
            using (var prefix = new CacheReader(start))
            {
                if (prefix.ReadString() != format || prefix.ReadString() != StableHash.ToolVersion)
                {
                    handle.Dispose();
                    return false;
                }

                headerLength = prefix.ReadInt32();
                headerStart = prefix.BaseStream.Position;
            }

            if (headerLength < 0 || headerStart + headerLength > length)
            {
                throw new EndOfStreamException("a cache file's header runs past its end");
            }

            var header = new byte[headerLength];
            CacheBlockReader.ReadExactly(handle, header, headerStart);
            using var reader = new CacheReader(header);
            body(reader, new CacheBlockReader(handle, headerStart + headerLength, length));
            return true;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return false;
        }
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
/// A cache file written in two steps: its header and a first part of its body into a temporary file, then (when what
/// it ends with is known) the rest, after which it replaces the file at its path. Disposed before it is complete, the
/// temporary file is deleted and the old file stays.
/// </summary>
internal sealed class PendingCacheFile : IDisposable
{
    private readonly string path;
    private readonly string temporary;
    private BinaryWriter? writer;

    private PendingCacheFile(string path)
    {
        this.path = path;
        temporary = path + $".{Environment.ProcessId}.tmp";
    }

    public static PendingCacheFile Begin(string path, string format, Action<BinaryWriter> start)
    {
        var pending = new PendingCacheFile(path);
        try
        {
            pending.writer = new BinaryWriter(new BufferedStream(File.Create(pending.temporary), 1 << 16), Encoding.UTF8);
            pending.writer.Write(format);
            pending.writer.Write(StableHash.ToolVersion);
            start(pending.writer);
            return pending;
        }
        catch
        {
            pending.Dispose();
            throw;
        }
    }

    public void Complete(Action<BinaryWriter> end)
    {
        var open = writer ?? throw new InvalidOperationException("the cache file was already completed or discarded");
        end(open);
        open.Dispose();
        writer = null;
        File.Move(temporary, path, overwrite: true);
    }

    public void Dispose()
    {
        if (writer is null)
        {
            return;
        }

        writer.Dispose();
        writer = null;
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is only a stray temporary file; the cache it would have replaced is intact.
        }
    }
}

/// <summary>
/// Reads a cache file (or a block of one) held whole in memory. Cache files are mostly long strings (rendered pages),
/// which <see cref="BinaryReader.ReadString"/> decodes 128 bytes at a time through a string builder; here each is
/// decoded in one call straight from the bytes. The format is the one <see cref="BinaryWriter"/> writes.
/// </summary>
internal sealed class CacheReader(byte[] bytes) : BinaryReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8)
{
    public override string ReadString()
    {
        var length = Read7BitEncodedInt();
        var stream = BaseStream;
        var start = (int)stream.Position;
        if (length < 0 || length > bytes.Length - start)
        {
            throw new EndOfStreamException("a cache string runs past the end of its file");
        }

        stream.Position = start + length;
        return System.Text.Encoding.UTF8.GetString(bytes, start, length);
    }

    /// <summary>Skips the next <paramref name="length"/> bytes and says where they are, to use them without a copy.</summary>
    public (byte[] Bytes, int Offset) ReadInPlace(int length)
    {
        var stream = BaseStream;
        var start = (int)stream.Position;
        if (length < 0 || length > bytes.Length - start)
        {
            throw new EndOfStreamException("a cache block runs past the end of its file");
        }

        stream.Position = start + length;
        return (bytes, start);
    }
}
