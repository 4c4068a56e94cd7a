using InternalSite.Model;

namespace InternalSite.Outputs.Search;

/// <summary>A page as search sees it: its number in the index and the facet values it is filtered by.</summary>
public sealed record SearchDocument(int Id, Page Page, string KindKey, string? ProductSlug, IReadOnlyList<string> Labels, IReadOnlyList<string> Audience);

/// <summary>Which pages are searchable, in which order, and the kind names the filters show.</summary>
public static class SearchDocuments
{
    /// <summary>The kind filter's values, in the order the filter lists them, with the names it shows.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Kinds =
    [
        ("product", "Product"), ("release", "Release"), ("guide", "Guide"), ("newsletter", "Newsletter"),
        ("office-hours", "Office hours"), ("page", "Page"),
    ];

    /// <summary>
    /// Every written page (generated listings only repeat what the pages say), newest first and then by route, so
    /// browsing a filter with an empty query lists documents in id order: newest first.
    /// </summary>
    public static IReadOnlyList<SearchDocument> From(SiteModel site)
    {
        var pages = site.Pages
            .OrderBy(p => p.LastModified is null ? 1 : 0)
            .ThenByDescending(p => p.LastModified?.ToInstant())
            .ThenBy(p => p.Route, StringComparer.Ordinal)
            .ToList();
        return pages.Select((page, id) => Describe(id, page)).ToList();
    }

    private static SearchDocument Describe(int id, Page page) => page switch
    {
        ProductPage product => new(id, page, "product", product.ProductSlug, [], page.Audience),
        ReleaseNote release => new(id, page, "release", release.ProductSlug, release.Labels, page.Audience),
        GuidePage guide => new(id, page, "guide", guide.ProductSlug, [], page.Audience),
        Newsletter => new(id, page, "newsletter", null, [], page.Audience),
        OfficeHours events => new(id, page, "office-hours", events.ProductSlug, [], page.Audience),
        _ => new(id, page, "page", null, [], page.Audience),
    };
}
