using System.Buffers;
using System.Text;

namespace InternalSite.Templating;

/// <summary>UTF-8 bytes of text held in a <see cref="StringBuilder"/>, without making a string of it first.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The same bytes as <c>Encoding.UTF8.GetBytes(text.ToString())</c>.</summary>
    public static byte[] Encode(StringBuilder text)
    {
        // The buffer of a render is mostly one chunk: it keeps its size from page to page.
        ReadOnlyMemory<char> only = default;
        var chunks = 0;
        foreach (var chunk in text.GetChunks())
        {
            if (++chunks > 1)
            {
                break;
            }

            only = chunk;
        }

        if (chunks <= 1)
        {
            return Encode(only.Span);
        }

        // A character's two halves may sit in two chunks, so the chunks are not encoded one by one.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, buffer, text.Length);
            return Encode(buffer.AsSpan(0, text.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static byte[] Encode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Utf8.GetByteCount(text)];
        Utf8.GetBytes(text, bytes);
        return bytes;
    }
}
