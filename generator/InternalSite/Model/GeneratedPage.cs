namespace InternalSite.Model;

/// <summary>
/// A page the generator makes from the others (a changelog, a listing, a tag page…). Its <see cref="Page.Layout"/>
/// names the template that draws it, and <see cref="Items"/> holds the pages it lists.
/// </summary>
public sealed class GeneratedPage(PageBasics basics) : Page(basics)
{
    public IReadOnlyList<Page> Items { get; init; } = [];

    /// <summary>The product a per-product listing belongs to.</summary>
    public ProductPage? Product { get; init; }

    /// <summary>The label, tag or audience a taxonomy page is about.</summary>
    public TaxonomyTerm? Term { get; init; }

    /// <summary>The terms a taxonomy index lists (all tags, all audiences).</summary>
    public IReadOnlyList<TaxonomyTerm> Terms { get; init; } = [];

    /// <summary>Whether the page appears in the sitemap and search (the 404 page does not).</summary>
    public bool Listed { get; init; } = true;
}
