namespace InternalSite.Markdown;

/// <summary>
/// Refuses markdown nested deeper than any real document needs (quotes in quotes, lists in lists, brackets in
/// brackets), before the parser spends its time and stack on it.
/// </summary>
public static class NestingGuard
{
    public const int MaxDepth = 64;

    /// <summary>Returns the 1-based line and column where nesting passes its limit, or null.</summary>
    public static (int Line, int Column)? FindTooDeep(string markdown)
    {
        var line = 1;
        var lineStart = 0;
        var bracketDepth = 0;
        var i = 0;
        while (i < markdown.Length)
        {
            // The run of container markers and indentation at the start of a line is its block nesting.
            var quotes = 0;
            var markers = 0;
            while (i < markdown.Length && markdown[i] is '>' or ' ' or '\t' or '-' or '*' or '+')
            {
                quotes += markdown[i] == '>' ? 1 : 0;
                var isListMarker = markdown[i] is '-' or '*' or '+' && i + 1 < markdown.Length && markdown[i + 1] is ' ' or '\t';
                markers += isListMarker ? 1 : 0;
                i++;
            }

            // A list item nests by indentation too: each level needs at least two more columns than its parent.
            var indent = 0;
            for (var j = lineStart; j < i; j++)
            {
                indent += markdown[j] switch { ' ' => 1, '\t' => 4, _ => 0 };
            }

            var isListItem = markers > 0 || StartsOrderedMarker(markdown, i);
            var listDepth = isListItem ? quotes + markers + (indent / 2) : 0;
            if (quotes > MaxDepth || markers > MaxDepth || listDepth > MaxDepth || i - lineStart > MaxDepth * 16)
            {
                return (line, i - lineStart);
            }

            if (i < markdown.Length && markdown[i] == '\n' && i == lineStart)
            {
                bracketDepth = 0;
            }

            for (; i < markdown.Length && markdown[i] != '\n'; i++)
            {
                var c = markdown[i];
                if (c is '[' or '(' && (i == 0 || markdown[i - 1] != '\\'))
                {
                    if (++bracketDepth > MaxDepth * 4)
                    {
                        return (line, i - lineStart + 1);
                    }
                }
                else if (c is ']' or ')')
                {
                    bracketDepth = Math.Max(0, bracketDepth - 1);
                }
            }

            i++;
            line++;
            lineStart = i;
        }

        return null;
    }

    /// <summary>Whether an ordered list marker (<c>1.</c> or <c>1)</c> then a space) starts at <paramref name="i"/>.</summary>
    private static bool StartsOrderedMarker(string markdown, int i)
    {
        var digits = 0;
        while (i + digits < markdown.Length && digits < 10 && char.IsAsciiDigit(markdown[i + digits]))
        {
            digits++;
        }

        var after = i + digits;
        return digits > 0 && after + 1 < markdown.Length && markdown[after] is '.' or ')' && markdown[after + 1] is ' ' or '\t';
    }
}
