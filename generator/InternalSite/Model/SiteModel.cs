using InternalSite.Config;
using NodaTime;

namespace InternalSite.Model;

/// <summary>
/// The whole portal, parsed, cross-linked and validated. Every output reads this one object; none re-reads files.
/// </summary>
public sealed class SiteModel
{
    public required SiteConfig Config { get; init; }

    /// <summary>The moment the build treats as "now": scheduled pages and "new" badges are judged against it.</summary>
    public required Instant BuildTime { get; init; }

    /// <summary>Every published page written from markdown, ordered by route.</summary>
    public required IReadOnlyList<Page> Pages { get; init; }

    /// <summary>Pages the generator makes: changelogs, listings, taxonomy pages, search, 404.</summary>
    public required IReadOnlyList<GeneratedPage> GeneratedPages { get; init; }

    public Page? Home { get; init; }

    /// <summary>Ordered by title.</summary>
    public required IReadOnlyList<ProductPage> Products { get; init; }

    /// <summary>All release notes, newest first (by date, then version).</summary>
    public required IReadOnlyList<ReleaseNote> Releases { get; init; }

    public required IReadOnlyList<GuidePage> Guides { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<Newsletter> Newsletters { get; init; }

    /// <summary>Ordered by first session.</summary>
    public required IReadOnlyList<OfficeHours> Events { get; init; }

    public required IReadOnlyList<TaxonomyTerm> Tags { get; init; }

    public required IReadOnlyList<TaxonomyTerm> Audiences { get; init; }

    public required IReadOnlyList<TaxonomyTerm> Labels { get; init; }

    /// <summary>Old URLs (site-relative routes) that redirect to a page.</summary>
    public required IReadOnlyList<(string From, Page To)> Aliases { get; init; }

    public required IReadOnlyDictionary<string, Page> PagesBySource { get; init; }

    public required IReadOnlyDictionary<string, Page> PagesByRoute { get; init; }

    /// <summary>Every non-markdown file under content/, copied as it is (site-relative output path → source path).</summary>
    public required IReadOnlyList<StaticFile> StaticFiles { get; init; }

    public IEnumerable<Page> AllPages => Pages.Concat(GeneratedPages);

    public ProductPage? Product(string slug) => Products.FirstOrDefault(p => p.ProductSlug == slug);

    /// <summary>Root-relative URL of a route, with the base path: "products/atlas/" → "/tools/products/atlas/".</summary>
    public string Url(string route) => Config.BasePath + route.TrimStart('/');

    /// <summary>Absolute URL of a route against <c>baseUrl</c>.</summary>
    public string AbsoluteUrl(string route) => new Uri(Config.BaseUrl, route.TrimStart('/')).AbsoluteUri;
}

public sealed record StaticFile(string SourcePath, string OutputPath, byte[] Bytes);
