using InternalSite.Config;
using InternalSite.Content;
using InternalSite.Diagnostics;
using NodaTime;

namespace InternalSite.Model;

/// <summary>Links the published pages into one <see cref="SiteModel"/>: products with their releases, guides and events, taxonomies, listings.</summary>
public static class SiteModelBuilder
{
    public static SiteModel Build(
        SiteConfig config,
        Instant buildTime,
        IReadOnlyList<Page> published,
        IReadOnlyList<StaticFile> staticFiles,
        DiagnosticBag diagnostics)
    {
        var products = published.OfType<ProductPage>()
            .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.ProductSlug, StringComparer.Ordinal).ToList();
        var productBySlug = new Dictionary<string, ProductPage>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            productBySlug.TryAdd(product.ProductSlug, product);
        }

        var releases = LinkReleases(published.OfType<ReleaseNote>(), productBySlug, diagnostics);
        var guides = GuideTrees.Link(published.OfType<GuidePage>(), productBySlug, diagnostics);
        var events = LinkEvents(published.OfType<OfficeHours>(), productBySlug, diagnostics);
        var newsletters = published.OfType<Newsletter>()
            .OrderByDescending(n => n.Date?.ToInstant()).ThenBy(n => n.Route, StringComparer.Ordinal).ToList();
        LinkDigests(newsletters, releases);

        var tags = Taxonomy("tags", published, p => p.Tags);
        var audiences = Taxonomy("audiences", published, p => p.Audience);
        var labels = Labels(releases);

        var listings = new GeneratedPages(config, published);
        var generated = listings.Make(products, releases, guides, newsletters, events, tags, audiences, labels);
        // A release note or guide of a product that does not exist is reported above; rendering it would only add template errors.
        var pages = published.Where(p => !listings.Absorbed.Contains(p) && !IsOrphan(p)).OrderBy(p => p.Route, StringComparer.Ordinal).ToList();

        var byRoute = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var page in pages.Concat<Page>(generated))
        {
            if (!byRoute.TryAdd(page.Route, page))
            {
                var first = byRoute[page.Route];
                diagnostics.Error(page.SourceStart, DiagnosticCodes.DuplicateUrl,
                    $"two pages have the URL /{page.Route}: {Describe(first)} and {Describe(page)} (expected each page at its own URL; change a 'slug')");
            }
        }

        // The page that lost its URL is reported above; leaving it out keeps the outputs from writing one file twice.
        pages = pages.Where(p => ReferenceEquals(byRoute[p.Route], p)).ToList();
        generated = generated.Where(p => ReferenceEquals(byRoute[p.Route], p)).ToList();
        var aliases = CollectAliases(pages.Concat<Page>(generated), byRoute, staticFiles, diagnostics);
        NavItems.Assign(config.Nav, pages.Concat<Page>(generated));
        return new SiteModel
        {
            Config = config,
            BuildTime = buildTime,
            Pages = pages,
            GeneratedPages = generated,
            Home = byRoute.GetValueOrDefault(string.Empty),
            Products = products,
            Releases = releases,
            Guides = guides,
            Newsletters = newsletters,
            Events = events,
            Tags = tags,
            Audiences = audiences,
            Labels = labels,
            Aliases = aliases,
            PagesBySource = pages.Where(p => p.SourcePath.Length > 0).ToDictionary(p => p.SourcePath, StringComparer.Ordinal),
            PagesByRoute = byRoute,
            StaticFiles = staticFiles,
        };
    }

    private static bool IsOrphan(Page page) => page is ReleaseNote { Product: null } or GuidePage { Product: null };

    private static string Describe(Page page) => page.SourcePath.Length > 0 ? page.SourcePath : $"the generated {page.Layout} page";

    private static List<ReleaseNote> LinkReleases(IEnumerable<ReleaseNote> all, Dictionary<string, ProductPage> products, DiagnosticBag diagnostics)
    {
        var releases = new List<ReleaseNote>();
        foreach (var group in all.GroupBy(r => r.ProductSlug).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!products.TryGetValue(group.Key, out var product))
            {
                foreach (var orphan in group)
                {
                    ReportUnknownProduct(orphan, group.Key, diagnostics);
                }

                continue;
            }

            var ordered = group.OrderByDescending(r => r.Version).ThenByDescending(r => r.Date?.ToInstant())
                .ThenBy(r => r.Route, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Product = product;
                ordered[i].Next = i > 0 ? ordered[i - 1] : null;
                ordered[i].Previous = i + 1 < ordered.Count ? ordered[i + 1] : null;
            }

            product.Releases = ordered;
            releases.AddRange(ordered);
        }

        return releases.OrderByDescending(r => r.Date?.ToInstant()).ThenBy(r => r.ProductSlug, StringComparer.Ordinal)
            .ThenByDescending(r => r.Version).ThenBy(r => r.Route, StringComparer.Ordinal).ToList();
    }

    private static List<OfficeHours> LinkEvents(IEnumerable<OfficeHours> all, Dictionary<string, ProductPage> products, DiagnosticBag diagnostics)
    {
        var events = all.OrderBy(e => e.StartZoned.ToInstant()).ThenBy(e => e.Route, StringComparer.Ordinal).ToList();
        foreach (var group in events.Where(e => e.ProductSlug is not null).GroupBy(e => e.ProductSlug!))
        {
            if (!products.TryGetValue(group.Key, out var product))
            {
                foreach (var orphan in group)
                {
                    ReportUnknownProduct(orphan, group.Key, diagnostics);
                }

                continue;
            }

            foreach (var e in group)
            {
                e.Product = product;
            }

            product.Events = group.ToList();
        }

        return events;
    }

    internal static void ReportUnknownProduct(Page page, string slug, DiagnosticBag diagnostics) =>
        diagnostics.Error(page.SourceStart, DiagnosticCodes.UnknownProduct,
            $"the product '{slug}' does not exist (expected a product page at content/products/{slug}/index.md)");

    /// <summary>A digest newsletter lists the release notes published after the previous newsletter, up to its own date.</summary>
    private static void LinkDigests(List<Newsletter> newestFirst, List<ReleaseNote> releases)
    {
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var issue = newestFirst[i];
            if (!issue.Digest || issue.Date is null)
            {
                continue;
            }

            var until = issue.Date.Value.ToInstant();
            var since = i + 1 < newestFirst.Count && newestFirst[i + 1].Date is { } previous ? previous.ToInstant() : Instant.MinValue;
            issue.DigestReleases = releases.Where(r => r.Date is { } d && d.ToInstant() > since && d.ToInstant() <= until).ToList();
        }
    }

    /// <summary>The release notes of each known label, newest first (in one pass: a large site has thousands).</summary>
    private static List<TaxonomyTerm> Labels(List<ReleaseNote> newestFirst)
    {
        var byLabel = ReleaseNote.KnownLabels.ToDictionary(label => label, _ => new List<Page>(), StringComparer.Ordinal);
        foreach (var release in newestFirst)
        {
            // A note's labels are known ones, each once (see KindFields.Release).
            foreach (var label in release.Labels)
            {
                byLabel[label].Add(release);
            }
        }

        return ReleaseNote.KnownLabels.Select(label => new TaxonomyTerm("labels", label, label, $"changelog/labels/{label}/", byLabel[label])).ToList();
    }

    private static List<TaxonomyTerm> Taxonomy(string name, IReadOnlyList<Page> pages, Func<Page, IReadOnlyList<string>> values)
    {
        var terms = new Dictionary<string, (string Name, List<Page> Pages)>(StringComparer.Ordinal);
        // Thousands of pages share a handful of values: each is slugified once.
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var value in values(page))
            {
                if (!slugs.TryGetValue(value, out var slug))
                {
                    slug = Slugs.Slugify(value);
                    slugs[value] = slug;
                }

                if (!terms.TryGetValue(slug, out var term))
                {
                    term = (value, []);
                    terms[slug] = term;
                }

                term.Pages.Add(page);
            }
        }

        return terms.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TaxonomyTerm(name, t.Value.Name, t.Key, $"{name}/{t.Key}/", NewestFirst(t.Value.Pages)))
            .ToList();
    }

    internal static List<Page> NewestFirst(IEnumerable<Page> pages) =>
        pages.OrderByDescending(p => p.Date?.ToInstant()).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Route, StringComparer.Ordinal).ToList();

    private static List<(string From, Page To)> CollectAliases(
        IEnumerable<Page> pages, Dictionary<string, Page> byRoute, IReadOnlyList<StaticFile> staticFiles, DiagnosticBag diagnostics)
    {
        var files = staticFiles.Select(f => f.OutputPath).ToHashSet(StringComparer.Ordinal);
        var taken = new Dictionary<string, Page>(StringComparer.Ordinal);
        var aliases = new List<(string, Page)>();
        foreach (var page in pages)
        {
            foreach (var alias in page.Aliases)
            {
                if (byRoute.TryGetValue(alias, out var other) || taken.TryGetValue(alias, out other))
                {
                    diagnostics.Error(page.SourceStart, DiagnosticCodes.DuplicateUrl,
                        $"the alias /{alias} is also the URL of {Describe(other)} (expected an old URL that no page uses)");
                    continue;
                }

                if (files.Contains(alias))
                {
                    diagnostics.Error(page.SourceStart, DiagnosticCodes.DuplicateUrl, $"the alias /{alias} is also a file under content/ (expected an old URL that no page or file uses)");
                    continue;
                }

                taken[alias] = page;
                aliases.Add((alias, page));
            }
        }

        return aliases;
    }
}
