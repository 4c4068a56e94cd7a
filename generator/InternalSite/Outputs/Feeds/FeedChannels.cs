using InternalSite.Model;

namespace InternalSite.Outputs.Feeds;

/// <summary>A feed the portal publishes: the listing it belongs to, its words, and the pages it may hold.</summary>
public sealed record FeedChannel(string ListingRoute, string Title, string Description, IReadOnlyList<Page> Pages);

/// <summary>
/// Which feeds exist: all releases, each product's releases, each label's releases (a team can follow only
/// "breaking"), and the newsletters. Every label gets its feed even while no release carries it, so a subscription
/// made today picks up the first such release. A listing's own title and summary (from a markdown page at its URL)
/// name its feed, so the feed reads like the page it belongs to.
/// </summary>
public static class FeedChannels
{
    public static IReadOnlyList<FeedChannel> All(SiteModel site)
    {
        var portal = site.Config.Title;
        var channels = new List<FeedChannel>
        {
            Channel(site, OutputPaths.AllReleasesListing, $"Release notes of every product on {portal}.", site.Releases),
        };

        channels.AddRange(site.Products.Select(product => Channel(
            site,
            OutputPaths.ProductReleasesListing(product.ProductSlug),
            product.Summary is { Length: > 0 } summary ? summary : $"Release notes of {product.Title}.",
            product.Releases)));

        channels.AddRange(site.Labels.Select(label => Channel(
            site,
            OutputPaths.LabelListing(label.Slug),
            $"Release notes labelled “{label.Name}” on {portal}.",
            label.Pages)));

        channels.Add(Channel(site, OutputPaths.NewslettersListing, $"The newsletter of {portal}.", site.Newsletters));
        return channels;
    }

    private static FeedChannel Channel(SiteModel site, string listingRoute, string fallbackDescription, IEnumerable<Page> pages)
    {
        var listing = site.PagesByRoute.GetValueOrDefault(listingRoute) as GeneratedPage;
        var title = $"{listing?.Title ?? listingRoute.TrimEnd('/')} · {site.Config.Title}";
        var description = listing is { SourcePath.Length: > 0, Summary.Length: > 0 } ? listing.Summary! : fallbackDescription;
        return new FeedChannel(listingRoute, title, description, pages.ToList());
    }
}
