using System.Net;
using System.Text;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// The fast path of <see cref="AbsoluteHtml"/>, for markup shaped like the markdown renderer writes it: tags of
/// letters and digits, every attribute value double-quoted with its quotes and angle brackets escaped, no comments,
/// no script, style or other element whose content is not plain markup, no event handler. Such markup needs no
/// HTML parser: every '&lt;' starts a tag, and a URL attribute can be rewritten in place, leaving every other byte
/// as written. Anything outside that shape (raw HTML a writer typed, say) returns null, and the caller parses it.
/// Parsing every page body on a large site was most of the feeds' time.
/// </summary>
internal static class PlainMarkupRewriter
{
    /// <summary>Elements whose content or meaning a tag scanner cannot judge; their presence sends markup to the parser.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParserOnlyElements = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "textarea", "title", "noscript", "iframe", "object", "embed",
        "xmp", "plaintext", "noembed", "noframes", "frame", "frameset", "base", "meta", "link", "form",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string? TryRewrite(string html, Uri baseUri)
    {
        var output = new StringBuilder(html.Length + 256);
        var copied = 0;
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0)
        {
            at++;
            if (at < html.Length && html[at] == '/')
            {
                at = SkipName(html, at + 1, out var closing);
                if (closing.Length == 0 || at >= html.Length || html[at] != '>')
                {
                    return null;
                }

                continue;
            }

            at = SkipName(html, at, out var element);
            if (element.Length == 0 || ParserOnlyElements.Contains(element))
            {
                return null;
            }

            while (true)
            {
                var attributeStart = at;
                while (at < html.Length && html[at] == ' ')
                {
                    at++;
                }

                if (at >= html.Length)
                {
                    return null;
                }

                if (html[at] == '>' || (html[at] == '/' && at + 1 < html.Length && html[at + 1] == '>'))
                {
                    break;
                }

                at = SkipName(html, at, out var name);
                if (name.Length == 0 || name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                if (at >= html.Length || html[at] != '=')
                {
                    continue; // an attribute without a value, such as disabled
                }

                if (at + 1 >= html.Length || html[at + 1] != '"')
                {
                    return null;
                }

                var valueStart = at + 2;
                var valueEnd = html.IndexOf('"', valueStart);
                if (valueEnd < 0 || html.AsSpan(valueStart, valueEnd - valueStart).Contains('<'))
                {
                    return null;
                }

                at = valueEnd + 1;
                // SVG links (an alert's icon, a diagram) may still carry the old xlink: prefix; the parser ignores it too.
                var local = name.StartsWith("xlink:", StringComparison.OrdinalIgnoreCase) ? name["xlink:".Length..] : name;
                var urls = AbsoluteHtml.UrlAttributeNames.Contains(local) ? 1 : AbsoluteHtml.SrcSetAttributeNames.Contains(local) ? 2 : 0;
                if (urls == 0)
                {
                    continue;
                }

                var written = WebUtility.HtmlDecode(html[valueStart..valueEnd]);
                var absolute = urls == 1
                    ? AbsoluteHtml.Resolve(written, baseUri)
                    : SrcSet.Rewrite(written, url => AbsoluteHtml.Resolve(url, baseUri));
                if (absolute is null)
                {
                    // A URL that must not be kept (javascript:) goes with its attribute, as on the parser's path.
                    output.Append(html, copied, attributeStart - copied);
                }
                else
                {
                    output.Append(html, copied, valueStart - copied);
                    AppendEscaped(output, absolute);
                    output.Append('"');
                }

                copied = at;
            }
        }

        return output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Reads a tag or attribute name at <paramref name="at"/> and returns the index after it.</summary>
    private static int SkipName(string html, int at, out ReadOnlySpan<char> name)
    {
        var start = at;
        while (at < html.Length && (char.IsAsciiLetterOrDigit(html[at]) || html[at] is '-' or '_' or ':'))
        {
            at++;
        }

        name = html.AsSpan(start, at - start);
        return at;
    }

    private static void AppendEscaped(StringBuilder output, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '"' => output.Append("&quot;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                _ => output.Append(c),
            };
        }
    }
}
