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
    /// Reads <paramref name="path"/> with <paramref name="body"/> when it exists, has this header and can be read
    /// whole; false otherwise (a missing, foreign, stale or damaged cache only costs the work it would have saved).
    /// </summary>
    public static bool TryRead(string path, string format, Action<BinaryReader> body)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var reader = new WholeFileReader(File.ReadAllBytes(path));
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

    /// <summary>
    /// Reads a cache file held whole in memory. Cache files are mostly long strings (rendered pages), which
    /// <see cref="BinaryReader.ReadString"/> decodes 128 bytes at a time through a string builder; here each is
    /// decoded in one call straight from the file's bytes. The format is the one <see cref="BinaryWriter"/> writes.
    /// </summary>
    private sealed class WholeFileReader(byte[] bytes) : BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8)
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
            return Encoding.UTF8.GetString(bytes, start, length);
        }
    }
}
