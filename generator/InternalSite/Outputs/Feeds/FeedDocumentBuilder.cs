using System.Collections.Concurrent;
using System.Net;
using System.Text;
using InternalSite.Model;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Turns a <see cref="FeedChannel"/> into a <see cref="FeedDocument"/>: newest items first (by publication, the
/// listing's own order breaking ties), cut to the configured count, each made self-contained. A page appears in
/// several feeds, so its entry (with its absolute HTML) is made once and the very object shared by every document
/// that holds it. <paramref name="itemContent"/>, when given, replaces how an item's page and URL become its content
/// (an incremental build uses it to cache, or only to fingerprint).
/// </summary>
public sealed class FeedDocumentBuilder(SiteModel site, Func<Page, string, string>? itemContent = null)
{
    private readonly ConcurrentDictionary<Page, FeedEntry> entryByPage = new();
    private readonly Func<Page, string, string> contentOf = itemContent ?? ((page, url) => ItemContent(BodyOf(site, page), url));
    private readonly string idHost = FeedIds.Host(site);
    private readonly string labelsUrl = site.AbsoluteUrl("changelog/labels/");
    private readonly string productsUrl = site.AbsoluteUrl("products/");
    private readonly ConcurrentDictionary<ProductPage, FeedProduct> feedProducts = new(ReferenceEqualityComparer.Instance);

    public FeedDocument Build(FeedChannel channel)
    {
        var items = ItemsOf(channel);
        return Header(channel, items) with { Entries = items.ConvertAll(EntryOf) };
    }

    /// <summary>The pages <paramref name="channel"/>'s feed shows, newest first.</summary>
    public List<Page> ItemsOf(FeedChannel channel) => Newest(channel.Pages, Math.Max(1, site.Config.FeedItems));

    /// <summary>The feed of <paramref name="channel"/> showing <paramref name="items"/>, without its entries.</summary>
    public FeedDocument Header(FeedChannel channel, IReadOnlyList<Page> items)
    {
        var config = site.Config;
        return new FeedDocument
        {
            ListingRoute = channel.ListingRoute,
            Title = FeedText.Clean(channel.Title),
            Description = FeedText.Clean(channel.Description),
            Language = config.Language,
            HomeUrl = site.AbsoluteUrl(channel.ListingRoute),
            SelfUrls = OutputPaths.FeedFormats.ToDictionary(f => f, f => site.AbsoluteUrl(OutputPaths.Feed(channel.ListingRoute, f))),
            Updated = UpdatedOf(items),
            Publisher = new FeedPerson(FeedText.Clean(config.Organization.Length > 0 ? config.Organization : config.Title)),
            Entries = [],
        };
    }

    /// <summary>When a feed showing <paramref name="items"/> was last updated: its newest item's update.</summary>
    public static DateTimeOffset UpdatedOf(IReadOnlyList<Page> items) =>
        items.Count == 0 ? FeedDates.NoItems : items.Select(p => Times(p).Updated).MaxBy(t => t.UtcTicks);

    /// <summary>The entry of <paramref name="page"/>, made once and shared by every feed that holds it.</summary>
    public FeedEntry EntryOf(Page page) => entryByPage.GetOrAdd(page, Entry);

    /// <summary>The <paramref name="count"/> newest dated pages, by publication to the second, the listing's order breaking ties.</summary>
    /// <remarks>
    /// A feed shows a few dozen of up to thousands of pages (all releases), and every build describes every feed: the
    /// newest are picked in one pass, each page placed among those kept so far, rather than sorting the whole listing.
    /// Pages come in the listing's order, so a page never goes before one of the same second already kept: the same
    /// pages in the same order as a stable sort by publication, newest first.
    /// </remarks>
    internal static List<Page> Newest(IReadOnlyList<Page> pages, int count)
    {
        var newest = new List<DatedPage>(Math.Min(count, pages.Count) + 1);
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Date is not { } date)
            {
                continue;
            }

            // The second of publication, as FeedDates.From keeps it (every offset is whole seconds), without making it.
            var ticks = date.ToInstant().ToUnixTimeSeconds();
            if (newest.Count == count && ticks <= newest[^1].PublishedTicks)
            {
                continue;
            }

            // After every kept page published at the same time or later.
            var at = newest.Count;
            while (at > 0 && newest[at - 1].PublishedTicks < ticks)
            {
                at--;
            }

            newest.Insert(at, new DatedPage(pages[i], ticks));
            if (newest.Count > count)
            {
                newest.RemoveAt(count);
            }
        }

        return newest.ConvertAll(d => d.Page);
    }

    /// <summary>When an item was published and last updated (never before it was published).</summary>
    private static (DateTimeOffset Published, DateTimeOffset Updated) Times(Page page)
    {
        var published = FeedDates.From(page.Date!.Value);
        var updated = page.Updated is { } u ? FeedDates.From(u) : published;
        return (published, updated < published ? published : updated);
    }

    private FeedEntry Entry(Page page)
    {
        var (published, updated) = Times(page);
        var url = site.AbsoluteUrl(page.Route);
        var release = page as ReleaseNote;
        var product = release?.Product;
        return new FeedEntry
        {
            Id = FeedIds.For(idHost, page.Route, published),
            Title = FeedText.Clean(page.Title),
            Url = url,
            ContentHtml = contentOf(page, url),
            Summary = page.Summary is { Length: > 0 } summary ? FeedText.Clean(summary) : null,
            Published = published,
            Updated = updated,
            Categories = Categories(release),
            Author = product?.Owner is { Length: > 0 } owner ? new FeedPerson(FeedText.Clean(owner)) : null,
            Product = product is null ? null : feedProducts.GetOrAdd(product, p => new FeedProduct(p.ProductSlug, FeedText.Clean(p.Title), site.AbsoluteUrl(p.Route))),
            Version = release?.VersionText,
            ImageUrl = page.Image is { Length: > 0 } image ? ImageUrl(image) : null,
        };
    }

    /// <summary>A feed item's content: its page's body made self-contained for a reader that has only the feed.</summary>
    public static string ItemContent(string body, string url) => FeedText.Clean(AbsoluteHtml.Rewrite(body, url));

    private string ImageUrl(string image) =>
        Uri.TryCreate(image, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? image : site.AbsoluteUrl(image);

    private List<FeedCategory> Categories(ReleaseNote? release)
    {
        if (release is null)
        {
            return [];
        }

        var categories = release.Labels.Select(l => new FeedCategory(l, l, labelsUrl)).ToList();
        if (release.Product is { } product)
        {
            categories.Add(new FeedCategory(product.ProductSlug, FeedText.Clean(product.Title), productsUrl));
        }

        return categories;
    }

    /// <summary>
    /// The body an item carries: the rendered page, and for a digest newsletter the list of releases its page shows
    /// after the text, so the feed item is the whole issue.
    /// </summary>
    public static string BodyOf(SiteModel site, Page page)
    {
        if (page is not Newsletter { DigestReleases.Count: > 0 } newsletter)
        {
            return page.Html;
        }

        var html = new StringBuilder(page.Html);
        html.Append("\n<h2>Releases since the last issue</h2>\n<ul>\n");
        foreach (var release in newsletter.DigestReleases)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(site.Url(release.Route))).Append("\">")
                .Append(WebUtility.HtmlEncode(release.Title)).Append("</a></li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }

    /// <summary>A page that can be in a feed, with its publication time (seconds, or any unit that orders them).</summary>
    private readonly record struct DatedPage(Page Page, long PublishedTicks);
}
