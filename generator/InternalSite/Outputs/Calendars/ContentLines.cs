using System.Text;

namespace InternalSite.Outputs.Calendars;

/// <summary>
/// The last pass over a serialized calendar: lines are unfolded, given their final text, and folded again at 75
/// octets of UTF-8 (RFC 5545, 3.1), never inside a character, with CRLF line ends.
/// </summary>
internal static class ContentLines
{
    public const int MaxOctets = 75;

    public static IEnumerable<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += raw[1..];
            }
            else if (raw.Length > 0)
            {
                lines.Add(raw);
            }
        }

        return lines;
    }

    public static string Fold(IEnumerable<string> lines)
    {
        var output = new StringBuilder();
        foreach (var line in lines)
        {
            var octets = 0;
            var limit = MaxOctets;
            for (var i = 0; i < line.Length; i += char.IsSurrogatePair(line, i) ? 2 : 1)
            {
                var width = char.IsSurrogatePair(line, i) ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
                if (octets + width > limit)
                {
                    // A continuation line starts with one space, which counts towards its 75 octets.
                    output.Append("\r\n ");
                    octets = 0;
                    limit = MaxOctets - 1;
                }

                output.Append(line, i, char.IsSurrogatePair(line, i) ? 2 : 1);
                octets += width;
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }
}
