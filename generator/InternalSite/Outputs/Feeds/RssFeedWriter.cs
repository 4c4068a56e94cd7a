using System.ServiceModel.Syndication;
using System.Xml.Linq;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// RSS 2.0 through <see cref="Rss20FeedFormatter"/>. The item's full HTML goes in <c>description</c> (what every
/// reader shows), the self link as <c>atom:link rel="self"</c>, and the owner as <c>dc:creator</c>: RSS's own
/// <c>author</c> must be an e-mail address, and an owner is a name.
/// </summary>
public static class RssFeedWriter
{
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    private static readonly XName Creator = XName.Get("creator", DublinCore);

    public static byte[] Write(FeedDocument document)
    {
        var items = document.Entries.Select(Item);
        var feed = SyndicationFeeds.Feed(document, FeedFormat.Rss, items);
        feed.AttributeExtensions.Add(new System.Xml.XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        var formatter = new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true);
        return SyndicationFeeds.Write(formatter.WriteTo);
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = SyndicationFeeds.Item(entry, content: null);
        item.Summary = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
        if (entry.Author is { } author)
        {
            item.ElementExtensions.Add(new XElement(Creator, author.Name));
        }

        return item;
    }
}
