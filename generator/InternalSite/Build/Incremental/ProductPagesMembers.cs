using InternalSite.Model;

namespace InternalSite.Build.Incremental;

/// <summary>
/// The page members the site model fills in from the pages of the page's product alone: a release note's product and
/// neighbours, a guide's product, section and neighbours, a product's releases, guides and events, and the feeds and
/// calendars those pages offer, and what the product's own listings list. Their values (pages count by route, sections by their titles, routes and pages) are
/// made from the sources of the product's pages (its product page, release notes, guides and office hours: every
/// page whose product slug is the product's), given the config and the set of routes, which the global key covers.
/// While none of those sources changed and no page joined or left the product, none of these members can have
/// changed, so an incremental build checks one fingerprint per product (the pseudo member <see cref="Member"/> of the
/// owner <see cref="OwnerPrefix"/>+slug) instead of each such member a template read of each page of the product.
/// A member not listed here for a kind of page is always checked on its own.
/// </summary>
internal static class ProductPagesMembers
{
    public const string OwnerPrefix = "product:";

    /// <summary>The pseudo member standing for the sources of a product's pages; templates cannot name it.</summary>
    public const string Member = "(product pages)";

    private const string FeedsFor = TrackedPageFunctions.Prefix + "feeds_for";
    private const string CalendarsFor = TrackedPageFunctions.Prefix + "calendars_for";

    // Template names (Scriban's snake case) of the members each kind gets from its product's pages; see
    // SiteModelBuilder.LinkReleases and LinkEvents, GuideTrees.Link and Subscriptions.
    private static readonly HashSet<string> OfRelease = new(["product", "previous", "next", FeedsFor, CalendarsFor], StringComparer.Ordinal);
    private static readonly HashSet<string> OfGuide = new(["product", "section", "previous", "next", FeedsFor, CalendarsFor], StringComparer.Ordinal);
    private static readonly HashSet<string> OfProduct = new(["releases", "guides", "events", FeedsFor, CalendarsFor], StringComparer.Ordinal);
    private static readonly HashSet<string> OfOfficeHours = new(["product", FeedsFor, CalendarsFor], StringComparer.Ordinal);

    // A product's own listings (its changelog, its guide sections without an index page; see GeneratedPages.Make) list
    // its releases or guides; their route holds the product's slug, so the same route always lists the same product.
    private static readonly HashSet<string> OfListing = new(["items", "product", FeedsFor, CalendarsFor], StringComparer.Ordinal);

    private static readonly HashSet<string> AnyKind = [.. OfRelease, .. OfGuide, .. OfProduct, .. OfOfficeHours, .. OfListing];

    /// <summary>Whether <paramref name="member"/> is one that <see cref="ProductOf"/> may vouch for on some kind of page.</summary>
    public static bool MayCover(string member) => AnyKind.Contains(member);

    /// <summary>The slug of the product whose pages decide <paramref name="member"/> of <paramref name="page"/>; null when nothing but the member's own check can tell.</summary>
    public static string? ProductOf(Page page, string member) => page switch
    {
        ReleaseNote release when OfRelease.Contains(member) => release.ProductSlug,
        GuidePage guide when OfGuide.Contains(member) => guide.ProductSlug,
        ProductPage product when OfProduct.Contains(member) => product.ProductSlug,
        OfficeHours { ProductSlug: { } slug } when OfOfficeHours.Contains(member) => slug,
        GeneratedPage { Product: { } product } when OfListing.Contains(member) => product.ProductSlug,
        _ => null,
    };

    /// <summary>The slug a page joins its product's pages under, if any.</summary>
    public static string? SlugOf(Page page) => page switch
    {
        ReleaseNote release => release.ProductSlug,
        GuidePage guide => guide.ProductSlug,
        ProductPage product => product.ProductSlug,
        OfficeHours series => series.ProductSlug,
        _ => null,
    };

    public static DependencyKey KeyOf(string slug) => new(OwnerPrefix + slug, Member);

    /// <summary>
    /// Each product's pages among <paramref name="pages"/> (the site's markdown pages), by slug, in a fixed order.
    /// </summary>
    public static Dictionary<string, List<Page>> Group(IEnumerable<Page> pages)
    {
        var bySlug = new Dictionary<string, List<Page>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (page is GeneratedPage || SlugOf(page) is not { } slug)
            {
                continue;
            }

            if (!bySlug.TryGetValue(slug, out var members))
            {
                members = [];
                bySlug[slug] = members;
            }

            members.Add(page);
        }

        foreach (var members in bySlug.Values)
        {
            members.Sort((a, b) => string.CompareOrdinal(a.Route, b.Route));
        }

        return bySlug;
    }

    /// <summary>
    /// A fingerprint of a product's pages: each one's route and source fingerprint (null when a source cannot be told:
    /// then the product's members are checked one by one).
    /// </summary>
    public static string? Fingerprint(string slug, IReadOnlyList<Page> members, Func<Page, string?> sourceOf)
    {
        var parts = new string?[(2 * members.Count) + 2];
        parts[0] = "product pages";
        parts[1] = slug;
        for (var i = 0; i < members.Count; i++)
        {
            if (sourceOf(members[i]) is not { } source)
            {
                return null;
            }

            parts[2 + (2 * i)] = members[i].Route;
            parts[3 + (2 * i)] = source;
        }

        return StableHash.Of(parts);
    }
}
