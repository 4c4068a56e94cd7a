using System.Text;
using InternalSite.Diagnostics;

namespace InternalSite.Content;

/// <summary>Decodes source files strictly as UTF-8, so a file saved in another encoding is named, not silently garbled.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Decode(SourceFile file, DiagnosticBag diagnostics)
    {
        var bytes = file.Bytes.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            var text = Strict.GetString(bytes);
            return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidByte(bytes);
            diagnostics.Error(new SourceLocation(file.Path, line, column), DiagnosticCodes.NotUtf8,
                "the file is not valid UTF-8 (expected UTF-8 text; save the file as UTF-8)");
            return null;
        }
    }

    private static (int Line, int Column) FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        int line = 1, lineStart = 0, i = 0;
        while (i < bytes.Length)
        {
            var rune = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (rune != System.Buffers.OperationStatus.Done)
            {
                return (line, Strict.GetCharCount(bytes[lineStart..i]) + 1);
            }

            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }

            i += consumed;
        }

        return (line, 1);
    }
}
