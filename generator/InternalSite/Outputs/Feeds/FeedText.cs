using System.Text;
using System.Xml;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Text as XML 1.0 can carry it. A title may hold a control character (YAML lets a writer type "\u0007"), which an
/// XmlWriter refuses with an exception; the feed drops it instead, and all three formats drop it alike.
/// </summary>
internal static class FeedText
{
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether every character is one XML allows. Most of a feed's text is page bodies, so the common characters
    /// (space to U+D7FF) are skipped a vector at a time and only the others are looked at one by one.
    /// </summary>
    private static bool IsClean(string text)
    {
        var i = 0;
        while (true)
        {
            var skip = text.AsSpan(i).IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (skip < 0)
            {
                return true;
            }

            i += skip;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i += 2;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                i++;
            }
            else
            {
                return false;
            }
        }
    }
}
