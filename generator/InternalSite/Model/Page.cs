using InternalSite.Diagnostics;
using NodaTime;

namespace InternalSite.Model;

/// <summary>
/// One page of the portal. The fields every kind shares come from <see cref="PageBasics"/>; each kind adds its own
/// in a subclass. Pages are built while the site is read and complete before any output reads them.
/// </summary>
public class Page(PageBasics basics)
{
    private string? html;
    private IReadOnlyList<Heading>? headings;
    private IReadOnlyList<TextSection>? textSections;

    public PageBasics Basics { get; } = basics;

    /// <summary>Where the page came from, e.g. <c>content/products/atlas/index.md</c>; empty for generated pages.</summary>
    public string SourcePath => Basics.SourcePath;

    public PageKind Kind => Basics.Kind;

    public string Title => Basics.Title;

    /// <summary>The site-relative route, without a leading slash: "" for home, "products/atlas/" for a product.</summary>
    public string Route => Basics.Route;

    public string Slug => Basics.Slug;

    /// <summary>From front matter, else the start of the first paragraph.</summary>
    public string? Summary { get; set; } = basics.Summary;

    public ZonedDateTime? Date => Basics.Date;

    public ZonedDateTime? Updated => Basics.Updated;

    public bool Draft => Basics.Draft;

    public IReadOnlyList<string> Tags => Basics.Tags;

    public IReadOnlyList<string> Audience => Basics.Audience;

    public IReadOnlyList<string> Aliases => Basics.Aliases;

    public int? Order => Basics.Order;

    /// <summary>Site-relative URL of the page's image, once resolved against its source folder.</summary>
    public string? Image { get; set; } = basics.Image;

    public string? Layout => Basics.Layout;

    /// <summary>Front matter keys no kind defines, for themes that want more.</summary>
    public IReadOnlyDictionary<string, object?> Params => Basics.Params;

    /// <summary>The rendered markdown body.</summary>
    public string Html
    {
        get => html ?? RenderedBody?.Html ?? string.Empty;
        set => html = value;
    }

    /// <summary>The rendered body as markup templates write unescaped.</summary>
    public Templating.HtmlString Content => new(Html);

    public IReadOnlyList<Heading> Headings
    {
        get => headings ?? RenderedBody?.Headings ?? [];
        set => headings = value;
    }

    public IReadOnlyList<TextSection> TextSections
    {
        get => textSections ?? RenderedBody?.TextSections ?? [];
        set => textSections = value;
    }

    /// <summary>
    /// The rendered markdown <see cref="Html"/>, <see cref="Headings"/> and <see cref="TextSections"/> come from, read
    /// only when asked for (a cached rendering decodes them then), unless each was set on its own.
    /// </summary>
    internal Markdown.RenderedMarkdown? RenderedBody { get; private set; }

    /// <summary>The site's main navigation as this page shows it, with the link to it or its section marked.</summary>
    public IReadOnlyList<NavItem> NavItems { get; set; } = [];

    /// <summary>Where the page starts in its file, for diagnostics about the page as a whole.</summary>
    public SourceLocation SourceStart => SourceLocation.StartOf(SourcePath);

    /// <summary>The most recent of <see cref="Updated"/> and <see cref="Date"/>.</summary>
    public ZonedDateTime? LastModified => Updated ?? Date;

    public string KindName => Kind.Name();

    public override string ToString() => $"{KindName} {Route}";

    /// <summary>
    /// A copy with this page's current values. The parse cache keeps a copy of each page as parsed and hands out
    /// copies of it, since a build fills in the pages it gets (body, summary, links to other pages) by assigning
    /// properties, never by changing a value in place.
    /// </summary>
    internal Page Copy() => (Page)MemberwiseClone();

    /// <summary>Takes <paramref name="rendered"/> as the page's body, in place of any body set before.</summary>
    internal void ShowBody(Markdown.RenderedMarkdown? rendered)
    {
        RenderedBody = rendered;
        html = null;
        headings = null;
        textSections = null;
    }

    /// <summary>Shows the body of <paramref name="other"/>, without reading it (a cached body stays undecoded).</summary>
    internal void ShowBodyOf(Page other)
    {
        RenderedBody = other.RenderedBody;
        html = other.html;
        headings = other.headings;
        textSections = other.textSections;
    }

    /// <summary>True when the page's whole body is <paramref name="rendered"/>, with nothing set on its own.</summary>
    internal bool ShowsBody(Markdown.RenderedMarkdown rendered) =>
        ReferenceEquals(RenderedBody, rendered) && html is null && headings is null && textSections is null;
}
