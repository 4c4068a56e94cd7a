using SkiaSharp;

namespace InternalSite.Outputs.Images.SocialCards;

/// <summary>Word wrapping and ellipsis for card text, measured with the card's own font.</summary>
public static class TextFitting
{
    private const string Ellipsis = "…";

    /// <summary>Wraps at spaces; a word wider than a line is broken where it must be. At most <paramref name="maxLines"/>, the last one ellipsized.</summary>
    public static List<string> Wrap(string text, SKFont font, float width, int maxLines, out bool overflowed)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (font.MeasureText(current) > width)
            {
                var fits = Math.Max(1, (int)font.BreakText(current, width));
                lines.Add(current[..fits]);
                current = current[fits..];
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        overflowed = lines.Count > maxLines;
        if (overflowed)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            lines[^1] = Ellipsize(lines[^1] + " " + Ellipsis, font, width, force: true);
        }

        return lines;
    }

    /// <summary>The text, cut with an ellipsis when wider than <paramref name="width"/>.</summary>
    public static string Ellipsize(string text, SKFont font, float width, bool force = false)
    {
        if (!force && font.MeasureText(text) <= width)
        {
            return text;
        }

        var body = text.EndsWith(Ellipsis, StringComparison.Ordinal) ? text[..^Ellipsis.Length].TrimEnd() : text;
        while (body.Length > 0 && font.MeasureText(body + Ellipsis) > width)
        {
            body = body[..^1];
        }

        return body.TrimEnd() + Ellipsis;
    }
}
