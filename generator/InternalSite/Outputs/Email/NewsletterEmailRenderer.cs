using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using InternalSite.Build.Incremental;
using InternalSite.Diagnostics;
using InternalSite.Model;

namespace InternalSite.Outputs.Email;

/// <summary>A newsletter as email: the HTML part (also published as its "view as email" page) and the text part.</summary>
public sealed record RenderedEmail(Newsletter Newsletter, string Html, string Text)
{
    /// <summary>The size of the HTML part in bytes (UTF-8).</summary>
    public int HtmlBytes => Encoding.UTF8.GetByteCount(Html);
}

/// <summary>
/// Draws a newsletter through the theme's <c>email/newsletter.html</c>, then makes the result fit for mail clients:
/// every URL absolute, images sized, the stylesheets it links (<c>email/email.css</c>) inlined into style attributes
/// with what cannot be inlined left in one &lt;style&gt; block, and the plain-text part written from the same markup.
/// </summary>
public sealed class NewsletterEmailRenderer
{
    public const string TemplatePath = "email/newsletter.html";

    /// <summary>Gmail clips a message whose HTML is larger than about 102 KB, hiding the rest behind a link.</summary>
    public const int MaxHtmlBytes = 102 * 1024;

    /// <summary>A parser per thread: making one sets up a browsing context, which costs about as much as parsing an email.</summary>
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    private readonly OutputContext context;
    private readonly EmailMarkup markup;
    private readonly ConcurrentDictionary<string, Lazy<LoadedStylesheet>> stylesheets = new(StringComparer.Ordinal);

    public NewsletterEmailRenderer(OutputContext context)
    {
        this.context = context;
        var files = context.Site.StaticFiles.GroupBy(f => f.OutputPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        markup = new EmailMarkup(context.Site, files);
    }

    /// <summary>
    /// The email of a newsletter; null when its template failed (the error is already a diagnostic). What it reports
    /// about this newsletter goes to <paramref name="diagnostics"/>. In an incremental build everything it reads is
    /// recorded: the template's reads, the email view (computed here in code), the stylesheets and image files.
    /// </summary>
    public RenderedEmail? Render(Newsletter newsletter, DiagnosticBag diagnostics)
    {
        var site = context.Site;
        var view = EmailViewBuilder.Build(site, newsletter);
        TrackedPageFunctions.Record(TrackedPageFunctions.EmailView, newsletter, view);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["page"] = newsletter,
            ["email"] = view,
        };
        var html = context.Templates.Render(TemplatePath, variables, newsletter.SourceStart);
        if (html is null)
        {
            return null;
        }

        using var document = Parser.Value!.ParseDocument(html);
        markup.Clean(document, newsletter, diagnostics);
        EmailMarkup.Absolutize(document, new Uri(site.AbsoluteUrl(newsletter.Route)));
        markup.SizeImages(document, newsletter, diagnostics);

        var text = PlainTextWriter.Write(document.Body ?? document.DocumentElement);
        foreach (var marked in document.QuerySelectorAll($"[{PlainTextWriter.SkipAttribute}]"))
        {
            marked.RemoveAttribute(PlainTextWriter.SkipAttribute);
        }

        CssInliner.Inline(document, TakeStylesheets(document, newsletter, diagnostics));
        return new RenderedEmail(newsletter, Serialize(document), text);
    }

    /// <summary>
    /// Removes the template's stylesheet links and &lt;style&gt; blocks, returning their rules combined, and leaves one
    /// &lt;style&gt; block with the rules that only work there. Only the theme's own files are read: an external
    /// stylesheet would be blocked by most mail clients, so it is left out with a warning.
    /// </summary>
    private EmailStylesheet TakeStylesheets(IDocument document, Newsletter newsletter, DiagnosticBag diagnostics)
    {
        var sheets = new List<EmailStylesheet>();
        foreach (var element in document.QuerySelectorAll("link[rel~=stylesheet], style").ToList())
        {
            if (element.LocalName == "style")
            {
                sheets.Add(EmailStylesheet.Parse(element.TextContent, "themes/" + TemplatePath, diagnostics));
            }
            else if (element.GetAttribute("href") is { } href && ThemePath(href) is { } path)
            {
                ReadTracker.Template(path);
                var loaded = stylesheets.GetOrAdd(path, p => new Lazy<LoadedStylesheet>(() => LoadStylesheet(p))).Value;
                if (loaded.Reported)
                {
                    // Its diagnostics are reported once per build, by whichever email loads it: every email using it
                    // is made again next build too, so that some email always loads it and they are reported again.
                    ReadTracker.Untrackable();
                }

                sheets.Add(loaded.Sheet);
            }
            else
            {
                diagnostics.Warning(newsletter.SourceStart, DiagnosticCodes.Output,
                    $"the email template links the stylesheet '{element.GetAttribute("href")}', which was left out (expected a file of the theme's email/ folder, e.g. href=\"email.css\")");
            }

            element.Remove();
        }

        var combined = sheets.Count == 0 ? EmailStylesheet.Empty : EmailStylesheet.Combine(sheets);
        if (combined.KeptCss.Length > 0 && document.Head is { } head)
        {
            var style = document.CreateElement("style");
            style.TextContent = "\n" + combined.KeptCss;
            head.AppendChild(style);
        }

        return combined;
    }

    /// <summary>"email.css" → "email/email.css"; null for anything outside the theme (a scheme, a root path, "..").</summary>
    private static string? ThemePath(string href) =>
        href.Contains(':', StringComparison.Ordinal) || href.StartsWith('/') || href.Contains("..", StringComparison.Ordinal)
            ? null
            : "email/" + href;

    private LoadedStylesheet LoadStylesheet(string path)
    {
        if (context.Theme.Find(path) is not var (layer, bytes))
        {
            context.Diagnostics.Error(SourceLocation.StartOf("themes/" + TemplatePath), DiagnosticCodes.Template,
                $"the email template links '{path}', which the theme does not have (expected it in one of: {string.Join(", ", context.Theme.Layers.Select(l => l.DisplayRoot))})");
            return new LoadedStylesheet(EmailStylesheet.Empty, Reported: true);
        }

        var own = new DiagnosticBag();
        var sheet = EmailStylesheet.Parse(Encoding.UTF8.GetString(bytes), layer.DisplayRoot + path, own);
        foreach (var diagnostic in own.Sorted())
        {
            context.Diagnostics.Add(diagnostic);
        }

        return new LoadedStylesheet(sheet, Reported: own.Count > 0);
    }

    /// <summary>A theme stylesheet, parsed once per build, and whether parsing it reported anything.</summary>
    private sealed record LoadedStylesheet(EmailStylesheet Sheet, bool Reported);

    /// <summary>
    /// Does once in the process what the first email would otherwise pay for on the build's longest path: the HTML
    /// and CSS parsers' first use (setting up AngleSharp and its CSS property tables, about 0.2 s of processor time).
    /// A full build of a site with newsletters starts it on a spare core while the config and theme load.
    /// </summary>
    public static Task WarmUp() => WarmedUp.Value;

    private static readonly Lazy<Task> WarmedUp = new(() => Task.Run(() =>
    {
        using var document = Parser.Value!.ParseDocument("<html><head></head><body><h1 class=\"t\">A</h1><p>B <a href=\"/c\">c</a></p></body></html>");
        var sheet = EmailStylesheet.Parse("h1.t { color: #123; } p a { font-weight: 600; } @media (prefers-color-scheme: dark) { p { color: #eee; } }", "warm-up", new DiagnosticBag());
        _ = PlainTextWriter.Write(document.Body!);
        CssInliner.Inline(document, sheet);
        _ = Serialize(document);
    }));

    private static string Serialize(IDocument document)
    {
        using var writer = new StringWriter();
        writer.NewLine = "\n";
        document.ToHtml(writer, new HtmlMarkupFormatter());
        return writer.ToString().TrimEnd() + "\n";
    }
}
