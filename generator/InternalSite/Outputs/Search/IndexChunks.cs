using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Turns a chunk's JSON (or bytes) into the bytes the browser fetches: gzip, so a static server that does not
/// compress still sends small files (search.js inflates them with the browser's own DecompressionStream). Same
/// input, same bytes.
/// </summary>
/// <remarks>
/// One gzip level for every chunk: the runtime's zlib-ng at level 1 ("Fastest") is a quick-and-loose mode that made
/// the document chunks a third bigger than the default level, which costs every query more than it saves the build.
/// </remarks>
public static class IndexChunks
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // not embedded in HTML: keep non-ASCII text readable and small
        Indented = false,
    };

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16_384);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Gzip(ReadOnlySpan<byte> bytes)
    {
        using var memory = new MemoryStream(bytes.Length / 2);
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    public static byte[] GzipJson(Action<Utf8JsonWriter> write) => Gzip(Json(write));
}
