using System.Text;
using InternalSite.Diagnostics;
using InternalSite.Model;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace InternalSite.Markdown;

/// <summary>
/// Parses one page's markdown, rewrites its links to site URLs, and renders it; the headings, ids and plain text are
/// collected from the same syntax tree, so no later stage parses the HTML again.
/// </summary>
public sealed class MarkdownPageRenderer(LinkTargets targets, string basePath)
{
    // Builders a thread reuses from page to page (the HTML, a section's text): a fresh builder per page allocated its
    // whole buffer again each time. One grown past this many characters by a huge page is let go, not kept.
    private const int MaxKeptBuilderCapacity = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? htmlBuffer;

    [ThreadStatic]
    private static StringBuilder? textBuffer;

    private readonly MarkdownPipeline pipeline = MarkdownPipelineFactory.Pipeline;

    public RenderedMarkdown Render(string markdown, string sourcePath, string route, int bodyStartLine, DiagnosticBag diagnostics)
    {
        if (NestingGuard.FindTooDeep(markdown) is { } deep)
        {
            return TooDeep(new SourceLocation(sourcePath, deep.Line + bodyStartLine - 1, deep.Column), diagnostics);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Markdig's own depth limit (e.g. thousands of nested emphasis runs the guard cannot see line by line):
            // still the writer's content, so a diagnostic at the body, never a crash.
            return TooDeep(new SourceLocation(sourcePath, bodyStartLine, 1), diagnostics);
        }

        var links = RewriteLinks(document, sourcePath, route, bodyStartLine, diagnostics);
        var (headings, ids) = CollectHeadings(document);
        var sections = CollectText(document);
        var firstParagraph = document.Descendants<ParagraphBlock>().FirstOrDefault(p => p.Parent is MarkdownDocument) is { } para
            ? PlainText.Of(para.Inline)
            : null;

        var html = Take(ref htmlBuffer);
        try
        {
            using var writer = new StringWriter(html);
            var renderer = new HtmlRenderer(writer);
            pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return new RenderedMarkdown(html.ToString(), headings, sections, ids, links, firstParagraph);
        }
        finally
        {
            Return(ref htmlBuffer, html);
        }
    }

    /// <summary>This thread's builder, empty (or a new one while it is in use further up the stack).</summary>
    private static StringBuilder Take(ref StringBuilder? kept)
    {
        var builder = kept ?? new StringBuilder();
        kept = null;
        return builder;
    }

    private static void Return(ref StringBuilder? kept, StringBuilder builder)
    {
        if (builder.Capacity <= MaxKeptBuilderCapacity)
        {
            builder.Clear();
            kept = builder;
        }
    }

    private static RenderedMarkdown TooDeep(SourceLocation at, DiagnosticBag diagnostics)
    {
        diagnostics.Error(at, DiagnosticCodes.TooDeeplyNested,
            $"the markdown is nested too deeply here (expected at most {NestingGuard.MaxDepth} levels of quotes, lists or brackets)");
        return new RenderedMarkdown(string.Empty, [], [], new HashSet<string>(), [], null);
    }

    private List<InternalLink> RewriteLinks(MarkdownDocument document, string sourcePath, string route, int bodyStartLine, DiagnosticBag diagnostics)
    {
        var links = new List<InternalLink>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? string.Empty;
            var at = new SourceLocation(sourcePath, link.Line + bodyStartLine, link.Column + 1);
            if (link.IsImage && string.IsNullOrWhiteSpace(PlainText.Of(link)))
            {
                diagnostics.Warning(at, DiagnosticCodes.ImageAlt,
                    $"the image '{url}' has no alt text (expected ![what the image shows]({url}))");
            }

            switch (targets.Resolve(url, sourcePath, route))
            {
                case LinkTarget.Internal target:
                    links.Add(new InternalLink(target.Route, target.Anchor, at, url));
                    link.Url = basePath + target.Route + target.Query + (target.Anchor is null ? string.Empty : "#" + target.Anchor);
                    break;
                case LinkTarget.Broken broken:
                    diagnostics.Error(at, DiagnosticCodes.BrokenLink, broken.Message);
                    break;
            }
        }

        return links;
    }

    private static (List<Heading> Headings, HashSet<string> Ids) CollectHeadings(MarkdownDocument document)
    {
        var headings = new List<Heading>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in document.Descendants<Block>())
        {
            // TryGetAttributes, not GetAttributes: the latter allocates an attribute bag on every block it visits.
            if (block.TryGetAttributes()?.Id is not { } id)
            {
                continue;
            }

            ids.Add(id);
            if (block is HeadingBlock heading)
            {
                headings.Add(new Heading(heading.Level, id, PlainText.Of(heading.Inline)));
            }
        }

        foreach (var footnote in document.Descendants<Footnote>())
        {
            ids.Add($"fn:{footnote.Order}");
        }

        return (headings, ids);
    }

    private static List<TextSection> CollectText(MarkdownDocument document)
    {
        var sections = new List<TextSection>();
        string? headingId = null;
        string? headingText = null;
        var text = Take(ref textBuffer);
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                Flush();
                headingId = heading.TryGetAttributes()?.Id;
                headingText = PlainText.Of(heading.Inline);
                continue;
            }

            PlainText.Append(text, block);
        }

        Flush();
        Return(ref textBuffer, text);
        return sections;

        void Flush()
        {
            var content = PlainText.CollapseWhitespace(text);
            if (content.Length > 0 || headingText is not null)
            {
                sections.Add(new TextSection(headingId, headingText, content));
            }

            text.Clear();
        }
    }
}
