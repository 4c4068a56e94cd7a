using InternalSite.Model;

namespace InternalSite.Markdown;

/// <summary>
/// What rendering one page's markdown yields: its HTML and what other stages need to know of it. A rendering read
/// back from the build cache decodes its bulky part (HTML, headings, text sections) only when something asks for it:
/// an incremental build needs those of the few pages it renders again, not of the thousands it carries over.
/// </summary>
public sealed class RenderedMarkdown
{
    private readonly Func<RenderedText>? decode;
    private readonly Lazy<IReadOnlySet<string>> ids;
    private RenderedText? text;

    public RenderedMarkdown(
        string html, IReadOnlyList<Heading> headings, IReadOnlyList<TextSection> textSections, IReadOnlySet<string> ids,
        IReadOnlyList<InternalLink> links, string? firstParagraph)
        : this(new Lazy<IReadOnlySet<string>>(ids), links, firstParagraph)
    {
        text = new RenderedText(html, headings, textSections);
    }

    /// <summary>
    /// A rendering whose HTML, headings and text sections <paramref name="decode"/> makes when first read, and whose
    /// ids <paramref name="ids"/> makes when first read (only links with an anchor to the page read them).
    /// </summary>
    internal RenderedMarkdown(Func<RenderedText> decode, Func<IReadOnlySet<string>> ids, IReadOnlyList<InternalLink> links, string? firstParagraph)
        : this(new Lazy<IReadOnlySet<string>>(ids), links, firstParagraph)
    {
        this.decode = decode;
    }

    private RenderedMarkdown(Lazy<IReadOnlySet<string>> ids, IReadOnlyList<InternalLink> links, string? firstParagraph)
    {
        this.ids = ids;
        Links = links;
        FirstParagraph = firstParagraph;
    }

    public string Html => Text.Html;

    public IReadOnlyList<Heading> Headings => Text.Headings;

    public IReadOnlyList<TextSection> TextSections => Text.TextSections;

    /// <summary>The ids of the page's headings and other anchors, which links to the page may name.</summary>
    public IReadOnlySet<string> Ids => ids.Value;

    public IReadOnlyList<InternalLink> Links { get; }

    public string? FirstParagraph { get; }

    /// <summary>Whether the ids are there yet (a cached rendering reads them when a link's anchor first names the page).</summary>
    internal bool AreIdsRead => ids.IsValueCreated;

    /// <summary>Whether the HTML, headings and text sections are there yet (a cached rendering decodes them when first read).</summary>
    internal bool IsDecoded => Volatile.Read(ref text) is not null;

    /// <summary>The HTML, headings and text sections, decoded once: every reader gets the very same objects.</summary>
    internal RenderedText Text => Volatile.Read(ref text) ?? Decode();

    private RenderedText Decode()
    {
        var decoded = decode!();
        return Interlocked.CompareExchange(ref text, decoded, null) ?? decoded;
    }
}

/// <summary>The bulky part of a <see cref="RenderedMarkdown"/>.</summary>
internal sealed record RenderedText(string Html, IReadOnlyList<Heading> Headings, IReadOnlyList<TextSection> TextSections);
