using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Makes a page body fit for a feed reader, which shows it away from the portal: every URL attribute is resolved
/// against the page's absolute address (root-relative links already carry the base path; "#notes" and "chart.png"
/// resolve as the browser would on the page itself), and script, event handlers and javascript: URLs are dropped
/// because readers strip them anyway and validators flag them. Markup as the markdown renderer writes it takes
/// <see cref="PlainMarkupRewriter"/>'s path and keeps its bytes; anything else is parsed.
/// </summary>
public static class AbsoluteHtml
{
    /// <summary>Attributes whose whole value is one URL.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "poster", "cite", "action", "formaction", "data", "background", "longdesc", "manifest",
    };

    /// <summary>Attributes holding a list of image candidates ("a.png 1x, b.png 2x").</summary>
    private static readonly HashSet<string> SrcSetAttributes = new(StringComparer.OrdinalIgnoreCase) { "srcset", "imagesrcset" };

    /// <summary>The attribute sets above, looked up by a span of markup without making a string of the name.</summary>
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UrlAttributeNames = UrlAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SrcSetAttributeNames = SrcSetAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A parser per thread: making one sets up a browsing context, which costs more than parsing a release note.</summary>
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    public static string Rewrite(string html, string pageUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var baseUri = new Uri(pageUrl, UriKind.Absolute);
        return PlainMarkupRewriter.TryRewrite(html, baseUri) ?? RewriteParsed(html, baseUri);
    }

    /// <summary>The general path: any markup, parsed as a browser would and written out again.</summary>
    internal static string RewriteParsed(string html, Uri baseUri)
    {
        using var document = Parser.Value!.ParseDocument(string.Empty);
        var body = document.Body!;
        body.InnerHtml = html;

        foreach (var script in body.QuerySelectorAll("script").ToList())
        {
            script.Remove();
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            RewriteAttributes(element, baseUri);
        }

        return body.InnerHtml;
    }

    private static void RewriteAttributes(IElement element, Uri baseUri)
    {
        foreach (var attribute in element.Attributes.ToList())
        {
            var name = attribute.LocalName;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
            }
            else if (UrlAttributes.Contains(name))
            {
                if (Resolve(attribute.Value, baseUri) is { } absolute)
                {
                    attribute.Value = absolute;
                }
                else
                {
                    element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                }
            }
            else if (SrcSetAttributes.Contains(name))
            {
                attribute.Value = SrcSet.Rewrite(attribute.Value, url => Resolve(url, baseUri));
            }
        }
    }

    /// <summary>The absolute form of a URL as written; null when it cannot be resolved or must not be kept.</summary>
    public static string? Resolve(string written, Uri baseUri)
    {
        var url = written.Trim();
        if (Scheme(url) is { } scheme)
        {
            // Already absolute (https:, mailto:, data:…): kept as written, except script URLs.
            return scheme.Equals("javascript", StringComparison.OrdinalIgnoreCase) || scheme.Equals("vbscript", StringComparison.OrdinalIgnoreCase)
                ? null
                : url;
        }

        // Parsed explicitly as relative: on Unix "/tools/x" would otherwise pass for an absolute file path.
        return Uri.TryCreate(url, UriKind.Relative, out var relative) && Uri.TryCreate(baseUri, relative, out var resolved)
            ? resolved.AbsoluteUri
            : null;
    }

    /// <summary>The scheme of an absolute URL ("https"), or null for a relative one.</summary>
    private static string? Scheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(url[i]) || url[i] is '+' or '-' or '.'))
            {
                return null;
            }
        }

        return url[..colon];
    }
}
