using System.Text;
using InternalSite.Content;
using InternalSite.Diagnostics;
using InternalSite.Markdown;
using InternalSite.Markdown.Images;
using InternalSite.Model;
using InternalSite.Outputs;
using InternalSite.Templating;

namespace InternalSite.Build;

/// <summary>
/// What a live preview needs to show an edited page before the site is rebuilt: the last successful build's model,
/// theme and markdown renderer. When a save changed only the markdown body of pages (their front matter is the same
/// text, so their URL, title, date, product and place in every list are too), those pages can be drawn against the
/// last model with their new body in a few milliseconds. The rebuild that follows draws them again with everything
/// else; for an edit of the body alone it draws the same bytes.
/// </summary>
public sealed class BodyEditPreview
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SiteModel site;
    private readonly Theme theme;
    private readonly MarkdownPageRenderer renderer;
    private readonly IResponsiveImageSource images;
    private readonly Dictionary<string, (SourceFile File, int BodyLength)> sources;

    internal BodyEditPreview(
        SiteModel site, Theme theme, MarkdownPageRenderer renderer, IResponsiveImageSource images, IReadOnlyList<SourceFile> markdownFiles, IReadOnlyList<ParsedPage> published)
    {
        this.site = site;
        this.theme = theme;
        this.renderer = renderer;
        this.images = images;
        var files = markdownFiles.ToDictionary(f => f.Path, StringComparer.Ordinal);
        sources = new Dictionary<string, (SourceFile, int)>(published.Count, StringComparer.Ordinal);
        foreach (var parsed in published)
        {
            sources[parsed.Page.SourcePath] = (files[parsed.Page.SourcePath], parsed.BodyLength);
        }
    }

    /// <summary>
    /// The edited pages by output path, or null when any of <paramref name="changed"/> is more than a body edit of a
    /// published page (or its new body has an error), or a page, content file or folder of the last build is among
    /// the <paramref name="gone"/> paths: then only a rebuild can tell what the pages look like. Other paths that are
    /// gone (an editor's temporary file, saved and renamed over the page) change nothing a build reads.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]>? TryRender(IReadOnlyCollection<SourceFile> changed, IReadOnlyCollection<string>? gone = null)
    {
        if (gone?.Any(WasRead) == true)
        {
            return null;
        }

        var edited = new List<Page>();
        var diagnostics = new DiagnosticBag();
        foreach (var file in changed)
        {
            if (Edit(file, diagnostics) is not { } page || diagnostics.HasErrors)
            {
                return null;
            }

            edited.Add(page);
        }

        var templates = new TemplateRenderer(theme, site, diagnostics);
        var rendered = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var page in edited)
        {
            if (templates.RenderPage(page) is not { } html)
            {
                return null;
            }

            rendered[OutputContext.FileFor(page.Route)] = Utf8.GetBytes(html);
        }

        // Template errors are collected until reported: one means the rebuild will fail, so show nothing early.
        templates.ReportRuntimeErrors();
        return diagnostics.HasErrors || rendered.Count == 0 ? null : rendered;
    }

    private bool WasRead(string path)
    {
        var folder = path + "/";
        return sources.ContainsKey(path) || sources.Keys.Any(k => k.StartsWith(folder, StringComparison.Ordinal))
            || site.StaticFiles.Any(f => f.SourcePath == path || f.SourcePath.StartsWith(folder, StringComparison.Ordinal));
    }

    /// <summary>The page as it was in the last build with its new body, when only the body changed.</summary>
    private Page? Edit(SourceFile file, DiagnosticBag diagnostics)
    {
        if (!sources.TryGetValue(file.Path, out var last) || !site.PagesBySource.TryGetValue(file.Path, out var page))
        {
            return null;
        }

        var parsed = PageReader.Read(file, site.Config, diagnostics);
        var before = SourceText.Decode(last.File, diagnostics);
        var now = SourceText.Decode(file, diagnostics);
        if (parsed is null || before is null || now is null
            || !before.AsSpan(0, before.Length - last.BodyLength).SequenceEqual(now.AsSpan(0, now.Length - parsed.Body.Length)))
        {
            return null;
        }

        RenderedMarkdown markdown;
        using (ResponsiveImageScope.Use(images))
        {
            markdown = renderer.Render(parsed.Body, file.Path, page.Route, parsed.BodyStartLine, diagnostics);
        }

        var edited = page.Copy();
        edited.Summary = parsed.Page.Summary;
        SiteBuilder.ApplyMarkdown(edited, markdown);
        return edited;
    }
}
