using InternalSite.Model;
using InternalSite.Outputs;

namespace InternalSite.Templating;

/// <summary>A feed or calendar a page offers: what templates put in &lt;link rel="alternate"&gt; and "Subscribe" blocks.</summary>
public sealed record Subscription(string Title, string MediaType, string Route, string Format);

/// <summary>Which feeds and calendars belong to which page, by the conventions of <see cref="OutputPaths"/>.</summary>
public static class Subscriptions
{
    public static IReadOnlyList<Subscription> FeedsFor(Page page) => page switch
    {
        ProductPage product => Feeds($"{product.Title} releases", OutputPaths.ProductReleasesListing(product.ProductSlug)),
        ReleaseNote { Product: { } product } => Feeds($"{product.Title} releases", OutputPaths.ProductReleasesListing(product.ProductSlug)),
        GeneratedPage { Layout: "changelog", Product: { } product } => Feeds($"{product.Title} releases", OutputPaths.ProductReleasesListing(product.ProductSlug)),
        GeneratedPage { Layout: "changelog", Term: { Taxonomy: "labels" } label } =>
            Feeds($"Releases labelled {label.Name}", OutputPaths.LabelListing(label.Slug)),
        GeneratedPage { Layout: "changelog" } => Feeds("All releases", OutputPaths.AllReleasesListing),
        GeneratedPage { Layout: "newsletters" } or Newsletter => Feeds("Newsletters", OutputPaths.NewslettersListing),
        { Kind: PageKind.Home } or GeneratedPage { Layout: "home" } => Feeds("All releases", OutputPaths.AllReleasesListing),
        _ => [],
    };

    public static IReadOnlyList<Subscription> CalendarsFor(Page page) => page switch
    {
        ProductPage { Events.Count: > 0 } product => [Calendar($"{product.Title} office hours", OutputPaths.ProductCalendar(product.ProductSlug))],
        OfficeHours series => [Calendar(series.Title, OutputPaths.SeriesCalendar(series))],
        GeneratedPage { Layout: "office-hours" } => [Calendar("All office hours", OutputPaths.AllEventsCalendar)],
        _ => [],
    };

    private static IReadOnlyList<Subscription> Feeds(string title, string listing) =>
        OutputPaths.FeedFormats.Select(f => new Subscription(
            $"{title} ({FormatName(f)})", OutputPaths.FeedMediaType(f), OutputPaths.Feed(listing, f), FormatName(f))).ToList();

    private static Subscription Calendar(string title, string route) => new(title, "text/calendar", route, "iCalendar");

    private static string FormatName(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        _ => "JSON Feed",
    };
}
