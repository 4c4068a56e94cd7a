using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml.Linq;
using InternalSite.Outputs;

namespace InternalSite.Tests.Feeds;

public sealed class FeedReadBackTests
{
    private const string Base = "https://portal.example.internal/tools/";

    private static readonly Lazy<Outputs.MemoryOutputSink> Site = new(() => FeedSite.Build().Output);

    [Theory]
    [MemberData(nameof(FeedReaders.ListingCases), MemberType = typeof(FeedReaders))]
    public void Every_listing_has_all_three_feeds_that_their_readers_accept(string listing)
    {
        var output = Site.Value;
        var rss = FeedReaders.Rss(output, listing);
        var atom = FeedReaders.AtomFeed(output, listing);
        var json = FeedReaders.Json(output, listing);

        Assert.False(string.IsNullOrWhiteSpace(rss.Title.Text));
        Assert.Equal(rss.Title.Text, atom.Title.Text);
        Assert.Equal(rss.Title.Text, json.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rss.Description.Text));
        Assert.Equal(Base + listing, rss.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal(Base + listing, atom.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal(Base + listing, atom.Id);
        Assert.Equal(Base + OutputPaths.Feed(listing, FeedFormat.Atom), atom.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal(rss.Items.Select(i => i.Id), atom.Items.Select(i => i.Id));
        Assert.Equal(rss.Items.Select(i => i.Id), json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(FeedReaders.ListingCases), MemberType = typeof(FeedReaders))]
    public void Rss_declares_its_namespaces_and_links_itself_with_atom_link_rel_self(string listing)
    {
        var xml = FeedReaders.Xml(Site.Value, listing, FeedFormat.Rss);
        var channel = xml.Root!.Element("channel")!;
        Assert.Equal("2.0", xml.Root.Attribute("version")?.Value);
        var self = channel.Elements(FeedReaders.Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(Base + OutputPaths.Feed(listing, FeedFormat.Rss), (string?)self.Attribute("href"));
        Assert.Equal("application/rss+xml", (string?)self.Attribute("type"));
        Assert.NotNull(channel.Element("lastBuildDate"));

        // Every prefixed name in the file resolves to a declared namespace (XDocument would not have loaded otherwise),
        // and the ones we use are the standard ones.
        var namespaces = xml.Descendants().Select(e => e.Name.NamespaceName).Distinct().ToHashSet();
        Assert.Subset(new HashSet<string> { "", FeedReaders.Atom.NamespaceName, "http://purl.org/dc/elements/1.1/" }, namespaces);

        var guids = channel.Elements("item").Select(i => i.Element("guid")!).ToList();
        Assert.All(guids, g => Assert.Equal("false", (string?)g.Attribute("isPermaLink")));
        Assert.Equal(guids.Count, guids.Select(g => g.Value).Distinct().Count());
    }

    [Fact]
    public void A_release_item_carries_permalink_dates_categories_product_and_owner()
    {
        var output = Site.Value;
        const string permalink = Base + "products/atlas/releases/1.1.0/";
        var published = new DateTimeOffset(2026, 6, 15, 9, 30, 0, TimeSpan.FromHours(1));
        var updated = new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.FromHours(1));

        var rssItem = FeedReaders.Rss(output, "changelog/").Items.Single(i => i.Links[0].Uri.AbsoluteUri == permalink);
        Assert.Equal("tag:portal.example.internal,2026-06-15:/products/atlas/releases/1.1.0/", rssItem.Id);
        Assert.Equal("Atlas 1.1", rssItem.Title.Text);
        Assert.Equal(published, rssItem.PublishDate);
        Assert.Equal(["improved", "fixed", "Atlas"], rssItem.Categories.Select(c => c.Name));
        Assert.Equal(Base + "products/", rssItem.Categories[^1].Scheme);
        Assert.Equal("Ana Ortiz", Extension(rssItem, "creator"));

        var rssXml = FeedReaders.Xml(output, "changelog/", FeedFormat.Rss).Descendants("item")
            .Single(i => i.Element("link")!.Value == permalink);
        Assert.Equal("Mon, 15 Jun 2026 09:30:00 +0100", rssXml.Element("pubDate")!.Value);

        var atomItem = FeedReaders.AtomFeed(output, "changelog/").Items.Single(i => i.Id == rssItem.Id);
        Assert.Equal(published, atomItem.PublishDate);
        Assert.Equal(updated, atomItem.LastUpdatedTime);
        Assert.Equal(permalink, atomItem.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("Ana Ortiz", atomItem.Authors.Single().Name);
        Assert.Equal("Faster tiles.", atomItem.Summary.Text);
        Assert.Equal(["improved", "fixed", "atlas"], atomItem.Categories.Select(c => c.Name));
        Assert.Equal("Atlas", atomItem.Categories.Single(c => c.Name == "atlas").Label);
        Assert.Equal(Base + "products/", atomItem.Categories.Single(c => c.Name == "atlas").Scheme);

        var atomXml = FeedReaders.Xml(output, "changelog/", FeedFormat.Atom).Descendants(FeedReaders.Atom + "entry")
            .Single(e => e.Element(FeedReaders.Atom + "id")!.Value == rssItem.Id);
        Assert.Equal("2026-06-15T09:30:00+01:00", atomXml.Element(FeedReaders.Atom + "published")!.Value);
        Assert.Equal("html", (string?)atomXml.Element(FeedReaders.Atom + "content")!.Attribute("type"));

        var jsonItem = FeedReaders.Json(output, "changelog/").GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == rssItem.Id);
        Assert.Equal(permalink, jsonItem.GetProperty("url").GetString());
        Assert.Equal("2026-06-15T09:30:00+01:00", jsonItem.GetProperty("date_published").GetString());
        Assert.Equal("2026-06-20T00:00:00+01:00", jsonItem.GetProperty("date_modified").GetString());
        Assert.Equal(published, DateTimeOffset.ParseExact(jsonItem.GetProperty("date_published").GetString()!, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        Assert.Equal("Ana Ortiz", jsonItem.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(["improved", "fixed", "Atlas"], jsonItem.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var product = jsonItem.GetProperty("_internalsite").GetProperty("product");
        Assert.Equal("atlas", product.GetProperty("slug").GetString());
        Assert.Equal(Base + "products/atlas/", product.GetProperty("url").GetString());
        Assert.Equal("1.1.0", jsonItem.GetProperty("_internalsite").GetProperty("version").GetString());
    }

    [Fact]
    public void A_release_of_a_product_without_owner_has_no_item_author_and_inherits_the_publisher()
    {
        var output = Site.Value;
        var atom = FeedReaders.AtomFeed(output, "products/beacon/releases/");
        Assert.Equal("Example Corp", atom.Authors.Single().Name);
        Assert.Empty(atom.Items.Single().Authors);
        Assert.Null(Extension(FeedReaders.Rss(output, "products/beacon/releases/").Items.Single(), "creator"));
        Assert.False(FeedReaders.Json(output, "products/beacon/releases/").GetProperty("items")[0].TryGetProperty("authors", out _));
    }

    [Fact]
    public void Json_feed_has_the_required_fields_of_version_1_1_and_the_ones_we_emit()
    {
        var json = FeedReaders.Json(Site.Value, "newsletters/");
        Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
        Assert.Equal("Newsletters · Test Portal", json.GetProperty("title").GetString());
        Assert.Equal(Base + "newsletters/", json.GetProperty("home_page_url").GetString());
        Assert.Equal(Base + "newsletters/feed.json", json.GetProperty("feed_url").GetString());
        Assert.Equal("en", json.GetProperty("language").GetString());
        Assert.Equal("Example Corp", json.GetProperty("authors")[0].GetProperty("name").GetString());
        var item = json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind);
        Assert.Equal(Base + "newsletters/2026-09/", item.GetProperty("url").GetString());
        Assert.Equal("September news", item.GetProperty("title").GetString());
        Assert.Equal("2026-09-02T00:00:00+01:00", item.GetProperty("date_published").GetString());

        // A digest newsletter's item is the whole issue: its text and the releases it lists, linked absolutely.
        var html = item.GetProperty("content_html").GetString()!;
        Assert.Contains("All the news.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Base}products/beacon/releases/0.9.0/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_image_becomes_the_json_item_image_as_an_absolute_url()
    {
        var items = FeedReaders.Json(Site.Value, "products/atlas/releases/").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Base + "products/atlas/chart.svg", items.Single(i => i.GetProperty("title").GetString() == "Atlas 1.0").GetProperty("image").GetString());
        Assert.False(items.Single(i => i.GetProperty("title").GetString() == "Atlas 1.1").TryGetProperty("image", out _));
    }

    [Fact]
    public void A_listing_introduced_in_markdown_names_and_describes_its_feed()
    {
        var (result, output) = Support.TestSite.Build(FeedSite.Files + """

            -- content/changelog/index.md --
            ---
            title: What shipped
            summary: Every launch & fix, as it happens.
            ---
            Read on.
            """);
        Assert.True(result.Succeeded, Support.TestSite.Errors(result));
        var rss = FeedReaders.Rss(output, "changelog/");
        Assert.Equal("What shipped · Test Portal", rss.Title.Text);
        Assert.Equal("Every launch & fix, as it happens.", rss.Description.Text);
        Assert.Equal("Every launch & fix, as it happens.", FeedReaders.Json(output, "changelog/").GetProperty("description").GetString());
    }

    [Fact]
    public void Feed_updated_is_the_newest_item_update_not_the_build_time()
    {
        var output = Site.Value;

        // The only "improved" release was published on 15 June and updated on 20 June.
        var improved = FeedReaders.AtomFeed(output, "changelog/labels/improved/");
        Assert.Equal(new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.FromHours(1)), improved.LastUpdatedTime);
        Assert.Equal("Sat, 20 Jun 2026 00:00:00 +0100",
            FeedReaders.Xml(output, "changelog/labels/improved/", FeedFormat.Rss).Root!.Element("channel")!.Element("lastBuildDate")!.Value);

        var all = FeedReaders.AtomFeed(output, "changelog/");
        Assert.Equal(all.Items.Max(i => i.LastUpdatedTime), all.LastUpdatedTime);
        Assert.NotEqual(TestSupportNow, all.LastUpdatedTime);
    }

    [Fact]
    public void An_empty_label_feed_is_valid_and_dated_by_no_clock()
    {
        var atom = FeedReaders.AtomFeed(Site.Value, "changelog/labels/deprecated/");
        Assert.Empty(atom.Items);
        Assert.Equal(DateTimeOffset.UnixEpoch, atom.LastUpdatedTime);
        Assert.Empty(FeedReaders.Json(Site.Value, "changelog/labels/deprecated/").GetProperty("items").EnumerateArray());
    }

    private static DateTimeOffset TestSupportNow => Support.TestSite.Now.ToDateTimeOffset();

    private static string? Extension(SyndicationItem item, string name) =>
        item.ElementExtensions.Where(e => e.OuterName == name).Select(e => e.GetObject<XElement>().Value).SingleOrDefault();
}
