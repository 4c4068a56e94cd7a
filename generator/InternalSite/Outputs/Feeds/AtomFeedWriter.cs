using System.ServiceModel.Syndication;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// Atom 1.0 through <see cref="Atom10FeedFormatter"/>: the full HTML as <c>content type="html"</c>, the summary beside
/// it, the publisher as the feed's author and the product owner as the entry's author where known.
/// </summary>
public static class AtomFeedWriter
{
    public static byte[] Write(FeedDocument document)
    {
        var feed = SyndicationFeeds.Feed(document, FeedFormat.Atom, document.Entries.Select(Item));
        feed.Authors.Add(new SyndicationPerson { Name = document.Publisher.Name });
        var formatter = new Atom10FeedFormatter(feed);
        return SyndicationFeeds.Write(formatter.WriteTo);
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = SyndicationFeeds.Item(entry, SyndicationContent.CreateHtmlContent(entry.ContentHtml));
        if (entry.Summary is { } summary)
        {
            item.Summary = new TextSyndicationContent(summary);
        }

        if (entry.Author is { } author)
        {
            item.Authors.Add(new SyndicationPerson { Name = author.Name });
        }

        return item;
    }
}
