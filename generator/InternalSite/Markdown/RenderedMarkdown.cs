using InternalSite.Model;

namespace InternalSite.Markdown;

/// <summary>What rendering one page's markdown yields: its HTML and what other stages need to know of it.</summary>
public sealed record RenderedMarkdown(
    string Html,
    IReadOnlyList<Heading> Headings,
    IReadOnlyList<TextSection> TextSections,
    IReadOnlySet<string> Ids,
    IReadOnlyList<InternalLink> Links,
    string? FirstParagraph);
