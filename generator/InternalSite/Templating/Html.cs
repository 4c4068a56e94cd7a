using System.Text;

namespace InternalSite.Templating;

public static class Html
{
    /// <summary>Escapes text for HTML content and quoted attributes alike. Non-ASCII text stays as it is (pages are UTF-8).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        var first = span.IndexOfAny("&<>\"'");
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(span[..first]);
        foreach (var c in span[first..])
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
