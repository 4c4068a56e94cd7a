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
    /// <summary>Fills in <paramref name="feed"/> (a new one when null: a format may bring its own kind).</summary>
    public static SyndicationFeed Feed(FeedDocument document, FeedFormat format, IEnumerable<SyndicationItem> items, SyndicationFeed? feed = null)
    {
        feed ??= new SyndicationFeed();
        feed.Items = items;
        feed.Id = document.HomeUrl;
        feed.Title = new TextSyndicationContent(document.Title);
        feed.Description = new TextSyndicationContent(document.Description);
        feed.Language = document.Language;
        feed.LastUpdatedTime = document.Updated;
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(document.HomeUrl), "text/html"));
        feed.Links.Add(new SyndicationLink(new Uri(document.SelfUrls[format]), "self", null, OutputPaths.FeedMediaType(format), 0));
        return feed;
    }

    /// <summary>Fills in <paramref name="item"/> (a new one when null: a format may bring its own kind).</summary>
    public static SyndicationItem Item(FeedEntry entry, SyndicationContent? content, SyndicationItem? item = null)
    {
        item ??= new SyndicationItem();
        item.Id = entry.Id;
        item.Title = new TextSyndicationContent(entry.Title);
        item.PublishDate = entry.Published;
        item.LastUpdatedTime = entry.Updated;
        item.Content = content;
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
