using System.Globalization;
using AngleSharp.Dom;
using InternalSite.Diagnostics;
using InternalSite.Model;

namespace InternalSite.Outputs.Email;

/// <summary>
/// Makes rendered HTML fit for a mail client: no scripts or SVG, every URL absolute, every image with alt text and
/// a width and height.
/// </summary>
internal sealed class EmailMarkup(SiteModel site, IReadOnlyDictionary<string, StaticFile> files)
{
    /// <summary>The width of the content column: 600 px less 24 px of padding each side.</summary>
    public const int ContentWidth = 552;

    private static readonly string[] UrlAttributes = ["href", "src", "background", "action", "poster"];

    public void Clean(IDocument document, Newsletter newsletter, DiagnosticBag diagnostics)
    {
        foreach (var script in document.QuerySelectorAll("script").ToList())
        {
            diagnostics.Warning(newsletter.SourceStart, DiagnosticCodes.Output,
                "the email template has a <script>, which was left out (expected no JavaScript in email: mail clients do not run it)");
            script.Remove();
        }

        // Mail clients drop SVG (alert icons), forms and embedded frames, or flag the message for them.
        foreach (var element in document.QuerySelectorAll("svg, iframe, object, embed, form, link:not([rel~=stylesheet])").ToList())
        {
            element.Remove();
        }

        foreach (var box in document.QuerySelectorAll("input[type=checkbox]").ToList())
        {
            box.Replace(document.CreateTextNode(box.HasAttribute("checked") ? "\u2611 " : "\u2610 "));
        }

        foreach (var element in document.All)
        {
            foreach (var handler in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                element.RemoveAttribute(handler.Name);
            }

            element.RemoveAttribute("srcset");
        }
    }

    /// <summary>Resolves every URL against the newsletter's page, so "/tools/x/" and "#setup" reach the portal.</summary>
    public static void Absolutize(IDocument document, Uri pageUrl)
    {
        foreach (var element in document.All)
        {
            if (element.LocalName == "link")
            {
                continue; // stylesheets are the theme's files, inlined and removed later
            }

            foreach (var name in UrlAttributes)
            {
                if (element.GetAttribute(name) is not { } value)
                {
                    continue;
                }

                var absolute = Absolute(pageUrl, value);
                if (absolute is null || IsScript(absolute))
                {
                    element.RemoveAttribute(name); // a URL no client can follow, or one that runs script
                }
                else if (absolute != value)
                {
                    element.SetAttribute(name, absolute);
                }
            }
        }
    }

    private static bool IsScript(string url) =>
        url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase);

    internal static string? Absolute(Uri pageUrl, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return pageUrl.AbsoluteUri;
        }

        return Uri.TryCreate(pageUrl, trimmed, out var resolved) ? resolved.AbsoluteUri : null;
    }

    /// <summary>Gives every image its alt text and a width and height, scaled to fit the content column.</summary>
    public void SizeImages(IDocument document, Newsletter newsletter, DiagnosticBag diagnostics)
    {
        // Mail clients know neither <picture> nor srcset nor lazy loading: each image becomes one plain <img>.
        foreach (var picture in document.QuerySelectorAll("picture").ToList())
        {
            if (picture.QuerySelector("img") is { } inner)
            {
                picture.Replace(inner);
            }
        }

        foreach (var image in document.QuerySelectorAll("img"))
        {
            foreach (var attribute in new[] { "srcset", "sizes", "loading", "decoding" })
            {
                image.RemoveAttribute(attribute);
            }

            var src = image.GetAttribute("src") ?? string.Empty;
            if (!image.HasAttribute("alt"))
            {
                diagnostics.Warning(newsletter.SourceStart, DiagnosticCodes.ImageAlt,
                    $"the image '{src}' in the email has no alt text (expected ![what it shows](…); many mail clients block images)");
                image.SetAttribute("alt", string.Empty);
            }

            if ((DeclaredSize(image) ?? NaturalSize(src)) is not var (width, height))
            {
                diagnostics.Warning(newsletter.SourceStart, DiagnosticCodes.Output,
                    $"the size of the image '{src}' is unknown, so Outlook may draw it at any size (expected a PNG, JPEG or GIF under content/)");
                image.SetAttribute("width", ContentWidth.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            var shown = Math.Min(width, ContentWidth);
            var shownHeight = (int)Math.Round(height * (double)shown / width, MidpointRounding.AwayFromZero);
            image.SetAttribute("width", shown.ToString(CultureInfo.InvariantCulture));
            image.SetAttribute("height", Math.Max(1, shownHeight).ToString(CultureInfo.InvariantCulture));
            if (shown == ContentWidth)
            {
                // Inside a table cell max-width: 100% does not shrink an image on a phone; a full-width one says so itself.
                // (Written as the element's own style, so it comes after the stylesheet's.)
                var own = image.GetAttribute("style");
                image.SetAttribute("style", string.IsNullOrEmpty(own) ? "width: 100%; height: auto" : own.TrimEnd(';', ' ') + "; width: 100%; height: auto");
            }
        }
    }

    /// <summary>The width and height the page already gives the image (the responsive-image renderer sets both).</summary>
    private static (int Width, int Height)? DeclaredSize(IElement image) =>
        int.TryParse(image.GetAttribute("width"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0
        && int.TryParse(image.GetAttribute("height"), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0
            ? (w, h)
            : null;

    private (int Width, int Height)? NaturalSize(string src)
    {
        var root = site.Config.BaseUrl.AbsoluteUri;
        if (!src.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(src[root.Length..].Split('?', '#')[0]);
        Build.Incremental.ReadTracker.StaticFile(path);
        return files.TryGetValue(path, out var file) ? ImageSize.Read(file.Bytes) : null;
    }
}
