using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace InternalSite.Markdown.Images;

/// <summary>
/// Renders markdown images as responsive images: a <c>&lt;picture&gt;</c> with a WebP source and an <c>&lt;img&gt;</c> in the
/// original format, both with <c>srcset</c>/<c>sizes</c>, plus <c>width</c>/<c>height</c>, <c>loading="lazy"</c> and
/// <c>decoding="async"</c>. Links and images the build did not resize go to Markdig's own renderer (images still get
/// lazy/async). Missing alt text is reported by the page renderer, once, so not here.
/// </summary>
public sealed class ResponsiveImageRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (!link.IsImage || !renderer.EnableHtmlForInline)
        {
            base.Write(renderer, link);
            return;
        }

        var source = ResponsiveImageScope.Current;
        var image = link.Url is { Length: > 0 } url ? source?.Find(url) : null;
        if (image is null)
        {
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("loading", "lazy");
            attributes.AddPropertyIfNotExist("decoding", "async");
            base.Write(renderer, link);
            return;
        }

        WriteResponsive(renderer, link, image, source!.Sizes);
    }

    private static void WriteResponsive(HtmlRenderer renderer, LinkInline link, ResponsiveImage image, string sizes)
    {
        var hasWebpSource = image.Webp.Count > 0;
        if (hasWebpSource)
        {
            WriteSrcSet(renderer.Write("<picture><source type=\"image/webp\" srcset=\""), image.Webp)
                .Write("\" sizes=\"").WriteEscape(sizes).Write("\">");
        }

        renderer.Write("<img src=\"").WriteEscapeUrl(link.Url).Write('"');
        if (image.Original.Count > 1)
        {
            WriteSrcSet(renderer.Write(" srcset=\""), image.Original).Write("\" sizes=\"").WriteEscape(sizes).Write('"');
        }

        renderer.Write(" width=\"").Write(image.Width.ToString(CultureInfo.InvariantCulture))
            .Write("\" height=\"").Write(image.Height.ToString(CultureInfo.InvariantCulture)).Write('"');
        renderer.WriteAttributes(link);
        renderer.Write(" alt=\"");
        var wasEnabled = renderer.EnableHtmlForInline;
        renderer.EnableHtmlForInline = false;
        renderer.WriteChildren(link);
        renderer.EnableHtmlForInline = wasEnabled;
        renderer.Write('"');
        if (!string.IsNullOrEmpty(link.Title))
        {
            renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        }

        renderer.Write(" loading=\"lazy\" decoding=\"async\">");
        if (hasWebpSource)
        {
            renderer.Write("</picture>");
        }
    }

    /// <summary>Each URL escaped on its own: the spaces and commas between candidates are srcset syntax, not part of a URL.</summary>
    private static HtmlRenderer WriteSrcSet(HtmlRenderer renderer, IReadOnlyList<ImageCandidate> candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i > 0)
            {
                renderer.Write(", ");
            }

            renderer.WriteEscapeUrl(candidates[i].Url).Write(' ').Write(candidates[i].Width.ToString(CultureInfo.InvariantCulture)).Write('w');
        }

        return renderer;
    }
}
