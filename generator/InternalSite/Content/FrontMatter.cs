using InternalSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InternalSite.Content;

/// <summary>A page split into its YAML front matter and its markdown body.</summary>
public sealed record FrontMatter(YamlMap Fields, string Body, int BodyStartLine)
{
    /// <summary>
    /// Splits <paramref name="text"/> at the <c>---</c> fences. Returns null (with a diagnostic) when the front matter
    /// is missing, unclosed or not valid YAML.
    /// </summary>
    public static FrontMatter? Read(string file, string text, DiagnosticBag diagnostics)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---")
        {
            diagnostics.Error(SourceLocation.StartOf(file), DiagnosticCodes.MissingKey,
                "the page has no front matter (expected a first line '---', then at least 'title: ...', then '---')");
            return null;
        }

        var end = FindClosingFence(text, out var bodyStart, out var closingLine);
        if (end < 0)
        {
            diagnostics.Error(SourceLocation.StartOf(file), DiagnosticCodes.FrontMatterUnclosed,
                "the front matter is not closed (expected a line '---' after the front matter)");
            return null;
        }

        var yaml = text[4..end];
        var map = YamlDocument(file, yaml, lineOffset: 1, diagnostics);
        if (map is null)
        {
            return null;
        }

        return new FrontMatter(map, text[bodyStart..], closingLine + 1);
    }

    /// <summary>Parses YAML text whose first line is <paramref name="lineOffset"/> lines into its file.</summary>
    public static YamlMap? YamlDocument(string file, string yaml, int lineOffset, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(file, (int)e.Start.Line + lineOffset, (int)Math.Max(1, e.Start.Column));
            diagnostics.Error(at, DiagnosticCodes.YamlSyntax, $"invalid YAML: {Describe(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up on some broken documents (an unclosed [ followed by more keys) without a position.
            diagnostics.Error(new SourceLocation(file, lineOffset + 1, 1), DiagnosticCodes.YamlSyntax,
                "invalid YAML: the front matter cannot be read (expected 'key: value' lines; check for an unclosed [ or {)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMap(new YamlMappingNode(), file, lineOffset, diagnostics);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Error(new SourceLocation(file, (int)node.Start.Line + lineOffset, (int)node.Start.Column),
                DiagnosticCodes.YamlSyntax, "invalid YAML: expected 'key: value' lines");
            return null;
        }

        return new YamlMap(root, file, lineOffset, diagnostics);
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var paren = message.IndexOf("(Line:", StringComparison.Ordinal);
        message = (paren > 0 ? message[..paren] : message).Trim().TrimEnd('.');
        return message.Length == 0 ? "the text is not valid YAML" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    private static int FindClosingFence(string text, out int bodyStart, out int closingLine)
    {
        var line = 2;
        var pos = 4;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var lineEnd = nl < 0 ? text.Length : nl;
            var content = text.AsSpan(pos, lineEnd - pos).TrimEnd();
            if (content is "---" or "...")
            {
                bodyStart = nl < 0 ? text.Length : nl + 1;
                closingLine = line;
                return pos;
            }

            if (nl < 0)
            {
                break;
            }

            pos = nl + 1;
            line++;
        }

        bodyStart = closingLine = -1;
        return -1;
    }
}
