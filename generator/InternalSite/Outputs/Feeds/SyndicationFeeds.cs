using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace InternalSite.Outputs.Feeds;

/// <summary>
/// What the RSS and Atom writers share: the <see cref="SyndicationFeed"/> both formatters read, with every id, date
/// and link set from the document (left unset, the library fills in random ids and the current time), and the one
/// way XML is written (UTF-8 without BOM, "\n", indented), so the bytes depend on the content alone.
/// </summary>
internal static class SyndicationFeeds
{
    public static SyndicationFeed Feed(FeedDocument document, FeedFormat format, IEnumerable<SyndicationItem> items)
    {
        var feed = new SyndicationFeed(items)
        {
            Id = document.HomeUrl,
            Title = new TextSyndicationContent(document.Title),
            Description = new TextSyndicationContent(document.Description),
            Language = document.Language,
            LastUpdatedTime = document.Updated,
        };
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(document.HomeUrl), "text/html"));
        feed.Links.Add(new SyndicationLink(new Uri(document.SelfUrls[format]), "self", null, OutputPaths.FeedMediaType(format), 0));
        return feed;
    }

    public static SyndicationItem Item(FeedEntry entry, SyndicationContent? content)
    {
        var item = new SyndicationItem
        {
            Id = entry.Id,
            Title = new TextSyndicationContent(entry.Title),
            PublishDate = entry.Published,
            LastUpdatedTime = entry.Updated,
            Content = content,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Url), "text/html"));
        foreach (var category in entry.Categories)
        {
            item.Categories.Add(new SyndicationCategory(category.Term, category.Scheme, category.Label));
        }

        return item;
    }

    public static byte[] Write(Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using var memory = new MemoryStream();
        using (var xml = XmlWriter.Create(memory, settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        memory.WriteByte((byte)'\n');
        return memory.ToArray();
    }
}
