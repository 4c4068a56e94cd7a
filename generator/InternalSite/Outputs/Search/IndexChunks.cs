using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InternalSite.Outputs.Search;

/// <summary>
/// Turns a chunk's JSON into the bytes the browser fetches: gzip, so a static server that does not compress still
/// sends small files (search.js inflates them with the browser's own DecompressionStream). Same input, same bytes.
/// </summary>
public static class IndexChunks
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // not embedded in HTML: keep non-ASCII text readable and small
        Indented = false,
    };

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var memory = new MemoryStream();
        using (var writer = new Utf8JsonWriter(memory, Options))
        {
            write(writer);
        }

        return memory.ToArray();
    }

    public static byte[] Gzip(byte[] bytes, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    public static byte[] GzipJson(Action<Utf8JsonWriter> write, CompressionLevel level = CompressionLevel.Optimal) => Gzip(Json(write), level);
}
