using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace InternalSite.Outputs.Email;

/// <summary>
/// Turns the email's HTML into text that reads well on its own: headings underlined, lists kept as lists, quotes
/// marked with "&gt;", and each link replaced by a number in brackets that the list at the end resolves. Elements
/// marked <c>data-email-text="skip"</c> (the hidden preheader, decoration) are left out.
/// </summary>
internal sealed class PlainTextWriter
{
    public const int Width = 72;
    public const string SkipAttribute = "data-email-text";

    private readonly List<string> lines = [];
    private readonly List<string> links = [];
    private readonly Dictionary<string, int> linkNumbers = new(StringComparer.Ordinal);
    private readonly StringBuilder inline = new();
    private string? pendingMarker;
    private int listDepth;

    public static string Write(IElement root)
    {
        var writer = new PlainTextWriter();
        writer.Children(root, string.Empty);
        writer.Flush(string.Empty);
        return writer.Result();
    }

    private string Result()
    {
        var text = new StringBuilder();
        foreach (var line in TrimBlankLines(lines).Reverse().SkipWhile(l => l.Length == 0).Reverse())
        {
            text.Append(line).Append('\n');
        }

        if (links.Count > 0)
        {
            text.Append("\nLinks:\n");
            for (var i = 0; i < links.Count; i++)
            {
                text.Append('[').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("] ").Append(links[i]).Append('\n');
            }
        }

        return text.ToString();
    }

    private void Children(INode parent, string prefix)
    {
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendInline(text.Data);
                    break;
                case IElement element when element.GetAttribute(SkipAttribute) != "skip":
                    Element(element, prefix);
                    break;
            }
        }
    }

    private void Element(IElement element, string prefix)
    {
        switch (element.LocalName)
        {
            case "head" or "style" or "script" or "title":
                return;
            case "br":
                inline.Append('\n');
                return;
            case "a":
                Link(element, prefix);
                return;
            case "img":
                if (element.GetAttribute("alt") is { Length: > 0 } alt)
                {
                    AppendInline($"[{alt}]");
                }

                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Heading(element, prefix);
                return;
            case "ul" or "ol":
                List(element, prefix);
                return;
            case "blockquote":
                Block(prefix);
                Children(element, prefix + "> ");
                Block(prefix + "> ");
                Blank(prefix);
                return;
            case "pre":
                Block(prefix);
                foreach (var line in element.TextContent.TrimEnd('\n').Split('\n'))
                {
                    Emit(prefix + "    " + line.TrimEnd());
                }

                Blank(prefix);
                return;
            case "hr":
                Block(prefix);
                Emit(prefix + new string('-', 20));
                Blank(prefix);
                return;
            case "table" when element.GetAttribute("role") != "presentation":
                Table(element, prefix);
                return;
            case "p" or "div" or "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "center" or "section"
                or "article" or "header" or "footer" or "main" or "body" or "html" or "dl" or "dt" or "dd" or "figure" or "figcaption":
                Block(prefix);
                Children(element, prefix);
                Block(prefix);
                if (element.LocalName is "p" or "dd" or "figure")
                {
                    Blank(prefix);
                }

                return;
            default:
                Children(element, prefix);
                return;
        }
    }

    private void Link(IElement link, string prefix)
    {
        var href = link.GetAttribute("href") ?? string.Empty;
        var before = inline.Length;
        Children(link, prefix);
        var label = inline.ToString(before, inline.Length - before).Trim();
        if (href.Length == 0 || href == label || href == "mailto:" + label)
        {
            return; // the text already is the address
        }

        if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            AppendInline($" <{href["mailto:".Length..]}>");
            return;
        }

        if (!linkNumbers.TryGetValue(href, out var number))
        {
            links.Add(href);
            number = links.Count;
            linkNumbers[href] = number;
        }

        inline.Append(" [").Append(number.ToString(CultureInfo.InvariantCulture)).Append(']');
    }

    private void Heading(IElement heading, string prefix)
    {
        Block(prefix);
        Blank(prefix);
        Children(heading, prefix);
        var text = Collapse(inline.ToString());
        inline.Clear();
        if (text.Length == 0)
        {
            return;
        }

        Emit(prefix + text);
        Emit(prefix + new string(heading.LocalName == "h1" ? '=' : '-', Math.Min(text.Length, Width)));
        Blank(prefix);
    }

    private void List(IElement list, string prefix)
    {
        Block(prefix);
        listDepth++;
        var number = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? $"{number++.ToString(CultureInfo.InvariantCulture)}. " : "- ";
            pendingMarker = prefix + marker;
            Children(item, prefix + new string(' ', marker.Length));
            Block(prefix + new string(' ', marker.Length));
            pendingMarker = null;
        }

        // A nested list continues its item; only the outermost list ends with a blank line.
        if (--listDepth == 0)
        {
            Blank(prefix);
        }
    }

    private void Table(IElement table, string prefix)
    {
        Block(prefix);
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Collapse(c.TextContent));
            Emit(prefix + "| " + string.Join(" | ", cells) + " |");
        }

        Blank(prefix);
    }

    private void AppendInline(string text) => inline.Append(text);

    /// <summary>Ends the running paragraph: wraps it at <see cref="Width"/> columns under the prefix.</summary>
    private void Block(string prefix) => Flush(prefix);

    private void Flush(string prefix)
    {
        var text = inline.ToString();
        inline.Clear();
        foreach (var hardLine in text.Split('\n'))
        {
            var collapsed = Collapse(hardLine);
            if (collapsed.Length > 0)
            {
                Wrap(collapsed, prefix);
            }
        }
    }

    private void Wrap(string text, string prefix)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var first = pendingMarker ?? prefix;
            if (line.Length > 0 && first.Length + line.Length + 1 + word.Length > Width)
            {
                Emit(first + line);
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            Emit((pendingMarker ?? prefix) + line);
        }
    }

    /// <summary>Writes one line; the first line of a list item carries its marker ("- ", "2. ") instead of the indent.</summary>
    private void Emit(string line)
    {
        if (pendingMarker is not null)
        {
            var indent = new string(' ', pendingMarker.Length);
            if (line.StartsWith(indent, StringComparison.Ordinal))
            {
                line = pendingMarker + line[indent.Length..];
            }

            pendingMarker = null;
        }

        lines.Add(line.TrimEnd());
    }

    private void Blank(string prefix)
    {
        if (lines.Count == 0 || pendingMarker is not null)
        {
            return;
        }

        if (lines[^1].Trim().Trim('>').Length > 0)
        {
            lines.Add(prefix.TrimEnd());
        }
        else
        {
            lines[^1] = prefix.TrimEnd(); // a quote's blank line closes as the outer level's
        }
    }

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            // Zero-width and combining filler (the preheader's) never reaches the text part.
            if (c is '\u034F' or '\u200C' or '\u200B' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static IEnumerable<string> TrimBlankLines(List<string> all)
    {
        var previousBlank = true;
        foreach (var line in all)
        {
            var blank = line.Trim().Trim('>').Length == 0;
            if (blank && previousBlank)
            {
                continue;
            }

            previousBlank = blank;
            yield return line;
        }
    }
}
