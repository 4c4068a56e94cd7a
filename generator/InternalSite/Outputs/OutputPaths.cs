using InternalSite.Model;

namespace InternalSite.Outputs;

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}

/// <summary>
/// Where each output puts its files. Outputs write there and templates link there, both through this one class, so
/// a link in a page and the file it points at cannot drift apart.
/// </summary>
public static class OutputPaths
{
    public static readonly IReadOnlyList<FeedFormat> FeedFormats = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    /// <summary>A feed of a listing: "changelog/" → "changelog/feed.xml", "changelog/atom.xml", "changelog/feed.json".</summary>
    public static string Feed(string listingRoute, FeedFormat format) => listingRoute + format switch
    {
        FeedFormat.Rss => "feed.xml",
        FeedFormat.Atom => "atom.xml",
        _ => "feed.json",
    };

    public static string FeedMediaType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml",
        FeedFormat.Atom => "application/atom+xml",
        _ => "application/feed+json",
    };

    public const string AllReleasesListing = "changelog/";
    public const string NewslettersListing = "newsletters/";

    public static string ProductReleasesListing(string productSlug) => $"products/{productSlug}/releases/";

    public static string LabelListing(string label) => $"changelog/labels/{label}/";

    /// <summary>Every office-hours session of the portal.</summary>
    public const string AllEventsCalendar = "office-hours/office-hours.ics";

    public static string ProductCalendar(string productSlug) => $"products/{productSlug}/office-hours.ics";

    public static string SeriesCalendar(OfficeHours series) => series.Route + "calendar.ics";

    /// <summary>The "view as email" version of a newsletter, published beside its page.</summary>
    public static string NewsletterEmail(Newsletter newsletter) => newsletter.Route + "email.html";

    /// <summary>The 1200×630 social card of a page: "products/atlas/" → "social/products/atlas.png", home → "social/index.png".</summary>
    public static string SocialCard(Page page)
    {
        var route = page.Route.Length == 0 ? "index" : page.Route.TrimEnd('/');
        if (route.EndsWith(".html", StringComparison.Ordinal))
        {
            route = route[..^5];
        }

        return $"social/{route}.png";
    }

    /// <summary>The folder of the search index (a manifest and its chunks).</summary>
    public const string SearchIndexFolder = "search/index/";
}
