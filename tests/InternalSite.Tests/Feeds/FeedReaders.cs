using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using InternalSite.Outputs;

namespace InternalSite.Tests.Feeds;

/// <summary>Reads feeds back with readers that are not our writers: SyndicationFeed.Load, XDocument, JsonDocument.</summary>
internal static class FeedReaders
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Every listing that has feeds in <see cref="FeedSite"/>.</summary>
    public static readonly string[] Listings =
    [
        "changelog/",
        "products/atlas/releases/",
        "products/beacon/releases/",
        "changelog/labels/new/",
        "changelog/labels/improved/",
        "changelog/labels/fixed/",
        "changelog/labels/breaking/",
        "changelog/labels/deprecated/",
        "changelog/labels/security/",
        "newsletters/",
    ];

    public static IEnumerable<object[]> ListingCases() => Listings.Select(l => new object[] { l });

    public static SyndicationFeed LoadSyndication(MemoryOutputSink output, string path)
    {
        using var stream = new MemoryStream(output.Files[path]);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    public static SyndicationFeed Rss(MemoryOutputSink output, string listing) => LoadSyndication(output, OutputPaths.Feed(listing, FeedFormat.Rss));

    public static SyndicationFeed AtomFeed(MemoryOutputSink output, string listing) => LoadSyndication(output, OutputPaths.Feed(listing, FeedFormat.Atom));

    public static XDocument Xml(MemoryOutputSink output, string listing, FeedFormat format)
    {
        using var stream = new MemoryStream(output.Files[OutputPaths.Feed(listing, format)]);
        return XDocument.Load(stream);
    }

    public static JsonElement Json(MemoryOutputSink output, string listing) =>
        JsonDocument.Parse(output.Files[OutputPaths.Feed(listing, FeedFormat.Json)]).RootElement.Clone();

    /// <summary>The HTML of every item of a listing's three feeds, with where it came from.</summary>
    public static IEnumerable<(string Where, string Html)> ItemHtml(MemoryOutputSink output, string listing)
    {
        foreach (var item in Rss(output, listing).Items)
        {
            yield return ($"RSS {item.Id}", item.Summary.Text);
        }

        foreach (var item in AtomFeed(output, listing).Items)
        {
            yield return ($"Atom {item.Id}", ((TextSyndicationContent)item.Content).Text);
        }

        foreach (var item in Json(output, listing).GetProperty("items").EnumerateArray())
        {
            yield return ($"JSON {item.GetProperty("id").GetString()}", item.GetProperty("content_html").GetString()!);
        }
    }
}
