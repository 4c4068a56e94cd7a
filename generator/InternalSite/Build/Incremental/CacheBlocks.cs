namespace InternalSite.Build.Incremental;

/// <summary>Where a block of a cache file is, from the start of the file's blocks.</summary>
internal readonly record struct CacheBlock(long Offset, int Length)
{
    public void WriteTo(BinaryWriter w)
    {
        w.Write(Offset);
        w.Write(Length);
    }

    public static CacheBlock ReadFrom(BinaryReader r) => new(r.ReadInt64(), r.ReadInt32());
}

/// <summary>Collects the blocks of a file written by <see cref="CacheStream.WriteWithBlocks"/>.</summary>
internal sealed class CacheBlockWriter
{
    private readonly MemoryStream data = new();

    /// <summary>Appends what <paramref name="block"/> writes as a block, and says where it is.</summary>
    public CacheBlock Write(Action<BinaryWriter> block)
    {
        var offset = data.Length;
        using (var writer = new BinaryWriter(data, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            block(writer);
        }

        return new CacheBlock(offset, (int)(data.Length - offset));
    }

    internal void CopyTo(BinaryWriter w) => w.Write(data.GetBuffer(), 0, (int)data.Length);
}

/// <summary>Fetches blocks of a cache file whose header was read, from the file kept open for them.</summary>
internal sealed class CacheBlockReader(Microsoft.Win32.SafeHandles.SafeFileHandle file, long blocksStart, long fileLength)
{
    public CacheReader Open(CacheBlock block)
    {
        if (block.Offset < 0 || block.Length < 0 || blocksStart + block.Offset + block.Length > fileLength)
        {
            throw new InvalidDataException("a cache block lies outside its file");
        }

        var bytes = new byte[block.Length];
        ReadExactly(file, bytes, blocksStart + block.Offset);
        return new CacheReader(bytes);
    }

    internal static void ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle file, byte[] buffer, long offset)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new EndOfStreamException("a cache file ends early");
            }

            done += read;
        }
    }
}
