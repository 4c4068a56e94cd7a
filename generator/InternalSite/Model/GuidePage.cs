namespace InternalSite.Model;

/// <summary>A page of a product's user guide.</summary>
public sealed class GuidePage(PageBasics basics) : Page(basics)
{
    public required string ProductSlug { get; init; }

    /// <summary>The folders between <c>guides/</c> and the file, e.g. ["getting-started"].</summary>
    public required IReadOnlyList<string> SectionPath { get; init; }

    /// <summary>True for a section's own page (<c>index.md</c>).</summary>
    public bool IsSectionIndex { get; init; }

    public ProductPage? Product { get; set; }

    public GuideSection? Section { get; set; }

    public GuidePage? Previous { get; set; }

    public GuidePage? Next { get; set; }
}

/// <summary>A folder of guides: its own page (if it has an index.md), its pages in order, and its subsections.</summary>
public sealed class GuideSection
{
    /// <summary>The section page's title when it has one, else the folder name made readable.</summary>
    public required string Title
    {
        get => Index?.Title ?? field;
        init => field = value;
    }

    public required string Route { get; init; }

    /// <summary>The folder name, empty for a product's guide root.</summary>
    public required string Name { get; init; }

    public GuidePage? Index { get; set; }

    public List<GuidePage> Pages { get; } = [];

    public List<GuideSection> Sections { get; } = [];

    /// <summary>
    /// Every page of the section and its subsections, in reading order. A property, not a method, so templates can
    /// read it as <c>section.reading_order</c> (Scriban exposes properties only).
    /// </summary>
    public IReadOnlyList<GuidePage> ReadingOrder => Walk().ToList();

    private IEnumerable<GuidePage> Walk()
    {
        if (Index is not null)
        {
            yield return Index;
        }

        foreach (var page in Pages)
        {
            yield return page;
        }

        foreach (var sub in Sections)
        {
            foreach (var page in sub.Walk())
            {
                yield return page;
            }
        }
    }
}
