using System.Buffers;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace InternalSite.Markdown;

/// <summary>The words of markdown nodes without their markup, for search, summaries and tables of contents.</summary>
public static class PlainText
{
    public static string Of(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        Append(sb, inline);
        return sb.ToString().Trim();
    }

    public static void Append(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Append(sb, inline);
                break;
            case LeafBlock leaf:
                foreach (var line in leaf.Lines.Lines.AsSpan(0, leaf.Lines.Count))
                {
                    sb.Append(line.Slice.AsSpan()).Append(' ');
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(sb, child);
                }

                break;
        }

        sb.Append(' ');
    }

    private static void Append(StringBuilder sb, ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline auto:
                    sb.Append(auto.Url);
                    break;
                case ContainerInline nested:
                    Append(sb, nested);
                    break;
            }
        }
    }

    /// <summary>Cuts text at a word boundary, adding an ellipsis when anything was cut.</summary>
    public static string Truncate(string text, int max)
    {
        text = CollapseWhitespace(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>
    /// The words of <paramref name="text"/> separated by single spaces, without leading or trailing space. One pass
    /// over the text: it runs on every section of every page, where splitting and joining again showed in profiles.
    /// </summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            Collapse(text, buffer, ref length, ref pendingSpace);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="CollapseWhitespace(ReadOnlySpan{char})"/> of a builder's text, read in place: a page's sections are
    /// gathered in a builder, and making a string of each only to collapse it allocated every section twice.
    /// </summary>
    public static string CollapseWhitespace(StringBuilder text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var chunk in text.GetChunks())
            {
                Collapse(chunk.Span, buffer, ref length, ref pendingSpace);
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Appends the words of <paramref name="text"/> to the <paramref name="length"/> characters already in
    /// <paramref name="words"/>, one space before each word but the very first. <paramref name="pendingSpace"/> says
    /// whether whitespace followed the last word so far, also when it ended an earlier piece of the text.
    /// </summary>
    private static void Collapse(ReadOnlySpan<char> text, char[] words, ref int length, ref bool pendingSpace)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                words[length++] = ' ';
                pendingSpace = false;
            }

            words[length++] = c;
        }
    }
}
