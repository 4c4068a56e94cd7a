using System.ServiceModel.Syndication;
using System.Xml;

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

    public static byte[] Write(FeedDocument document)
    {
        var items = document.Entries.Select(Item);
        var feed = SyndicationFeeds.Feed(document, FeedFormat.Rss, items, new RssChannel(FeedDates.Rfc822(document.Updated)));
        feed.LastUpdatedTime = default;
        feed.Id = null; // RSS has no feed id; the formatter would add a stray atom:id
        feed.AttributeExtensions.Add(new System.Xml.XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        var formatter = new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true);
        return SyndicationFeeds.Write(formatter.WriteTo);
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = SyndicationFeeds.Item(entry, content: null, new RssItem(FeedDates.Rfc822(entry.Published), entry.Author?.Name));
        item.Summary = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
        item.PublishDate = default;

        // An RSS category is only its text: readers show it, so it gets the readable name ("Atlas", not "atlas").
        foreach (var (category, source) in item.Categories.Zip(entry.Categories))
        {
            category.Name = source.Label;
        }

        item.LastUpdatedTime = default; // RSS has no "updated"; the formatter would add a stray atom:updated
        return item;
    }

    /// <summary>
    /// A channel that writes its <c>lastBuildDate</c> where the formatter writes extensions. Written directly rather
    /// than added as an element extension, which the library writes through a DataContractSerializer.
    /// </summary>
    private sealed class RssChannel(string lastBuildDate) : SyndicationFeed
    {
        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            base.WriteElementExtensions(writer, version);
            writer.WriteElementString("lastBuildDate", lastBuildDate);
        }
    }

    /// <summary>An item that writes its <c>pubDate</c> and <c>dc:creator</c> where the formatter writes extensions (see <see cref="RssChannel"/>).</summary>
    private sealed class RssItem(string pubDate, string? creator) : SyndicationItem
    {
        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            base.WriteElementExtensions(writer, version);
            writer.WriteElementString("pubDate", pubDate);
            if (creator is not null)
            {
                writer.WriteElementString("creator", DublinCore, creator);
            }
        }
    }
}
