using System.ServiceModel.Syndication;
using System.Xml.Linq;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// RSS 2.0 through <see cref="Rss20FeedFormatter"/>. The item's full HTML goes in <c>description</c> (what every
/// reader shows), the self link as <c>atom:link rel="self"</c>, and the owner as <c>dc:creator</c>: RSS's own
/// <c>author</c> must be an e-mail address, and an owner is a name. Dates are written here rather than by the
/// formatter, which writes offset zero as "Z" (see <see cref="FeedDates.Rfc822"/>).
/// </summary>
public static class RssFeedWriter
{
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    private static readonly XName Creator = XName.Get("creator", DublinCore);

    public static byte[] Write(FeedDocument document)
    {
        var items = document.Entries.Select(Item);
        var feed = SyndicationFeeds.Feed(document, FeedFormat.Rss, items);
        feed.LastUpdatedTime = default;
        feed.Id = null; // RSS has no feed id; the formatter would add a stray atom:id
        feed.ElementExtensions.Add(new XElement("lastBuildDate", FeedDates.Rfc822(document.Updated)));
        feed.AttributeExtensions.Add(new System.Xml.XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        var formatter = new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true);
        return SyndicationFeeds.Write(formatter.WriteTo);
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = SyndicationFeeds.Item(entry, content: null);
        item.Summary = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
        item.PublishDate = default;

        // An RSS category is only its text: readers show it, so it gets the readable name ("Atlas", not "atlas").
        foreach (var (category, source) in item.Categories.Zip(entry.Categories))
        {
            category.Name = source.Label;
        }

        item.LastUpdatedTime = default; // RSS has no "updated"; the formatter would add a stray atom:updated
        item.ElementExtensions.Add(new XElement("pubDate", FeedDates.Rfc822(entry.Published)));
        if (entry.Author is { } author)
        {
            item.ElementExtensions.Add(new XElement(Creator, author.Name));
        }

        return item;
    }
}
