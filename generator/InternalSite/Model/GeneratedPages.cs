using InternalSite.Config;

namespace InternalSite.Model;

/// <summary>
/// Makes the pages the generator adds: changelogs, listings, taxonomy pages, search and 404. Where a writer has a
/// markdown page at the same URL (say <c>content/changelog/index.md</c>), the listing takes its title and text, so
/// a PM can introduce any listing in their own words.
/// </summary>
internal sealed class GeneratedPages(SiteConfig config, IReadOnlyList<Page> published)
{
    private readonly Dictionary<string, Page> byRoute = published
        .Where(p => p is not GuidePage)
        .GroupBy(p => p.Route, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Markdown pages whose words a listing took over; they are not rendered on their own.</summary>
    public HashSet<Page> Absorbed { get; } = [];

    public List<GeneratedPage> Make(
        IReadOnlyList<ProductPage> products,
        IReadOnlyList<ReleaseNote> releases,
        IReadOnlyList<GuidePage> guides,
        IReadOnlyList<Newsletter> newsletters,
        IReadOnlyList<OfficeHours> events,
        IReadOnlyList<TaxonomyTerm> tags,
        IReadOnlyList<TaxonomyTerm> audiences,
        IReadOnlyList<TaxonomyTerm> labels)
    {
        var list = new List<GeneratedPage>();
        if (!byRoute.ContainsKey(string.Empty))
        {
            list.Add(Listing(string.Empty, config.Title, "home", []));
        }

        list.Add(Listing("products/", "Products", "products", products));
        list.Add(Listing("changelog/", "Changelog", "changelog", releases));
        list.AddRange(labels.Select(l => Listing(l.Route, $"Changelog: {l.Name}", "changelog", l.Pages, term: l)));
        foreach (var product in products)
        {
            list.Add(Listing($"products/{product.ProductSlug}/releases/", $"{product.Title} changelog", "changelog", product.Releases, product));
            if (product.Guides is { } root)
            {
                AddSections(list, root, product);
            }
        }

        list.Add(Listing("guides/", "Guides", "guides", guides));
        list.Add(Listing("newsletters/", "Newsletters", "newsletters", newsletters));
        list.Add(Listing("office-hours/", "Office hours", "office-hours", events));
        list.Add(Listing("office-hours/month/", "Office hours by month", "office-hours-month", events));
        list.Add(Listing("tags/", "Tags", "terms", [], terms: tags));
        list.AddRange(tags.Select(t => Listing(t.Route, $"Tagged “{t.Name}”", "term", t.Pages, term: t)));
        list.Add(Listing("audiences/", "Audiences", "terms", [], terms: audiences));
        list.AddRange(audiences.Select(a => Listing(a.Route, $"For {a.Name}", "term", a.Pages, term: a)));
        list.Add(Listing("search/", "Search", "search", []));
        list.Add(Listing("404.html", "Page not found", "404", [], listed: false));
        return list;
    }

    private void AddSections(List<GeneratedPage> list, GuideSection section, ProductPage product)
    {
        if (section.Index is null)
        {
            list.Add(Listing(section.Route, section.Title, "section", section.ReadingOrder, product));
        }

        foreach (var sub in section.Sections)
        {
            AddSections(list, sub, product);
        }
    }

    private GeneratedPage Listing(
        string route,
        string title,
        string layout,
        IEnumerable<Page> items,
        ProductPage? product = null,
        TaxonomyTerm? term = null,
        IReadOnlyList<TaxonomyTerm>? terms = null,
        bool listed = true)
    {
        var intro = byRoute.GetValueOrDefault(route);
        if (intro is not null)
        {
            Absorbed.Add(intro);
        }

        var basics = new PageBasics
        {
            SourcePath = intro?.SourcePath ?? string.Empty,
            Kind = PageKind.Generated,
            Title = intro?.Title ?? title,
            Route = route,
            Slug = route.TrimEnd('/').Split('/')[^1],
            Summary = intro?.Summary,
            Layout = layout,
            Tags = intro?.Tags ?? [],
            Audience = intro?.Audience ?? [],
            Aliases = intro?.Aliases ?? [],
        };
        var page = new GeneratedPage(basics)
        {
            Items = items.ToList(),
            Product = product,
            Term = term,
            Terms = terms ?? [],
            Listed = listed,
        };
        if (intro is not null)
        {
            page.ShowBodyOf(intro);
        }

        return page;
    }
}
