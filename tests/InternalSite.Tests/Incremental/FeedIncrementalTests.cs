using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// An incremental build writes a feed again only when something it shows changed: an edited release note rewrites
/// the feeds that hold it (its product's, its labels', all releases) and keeps every other feed file as it was, and
/// the sitemap is kept while no page's route or date changed. The output always equals a full build's.
/// </summary>
public sealed class FeedIncrementalTests
{
    private static readonly string[] FeedFileNames = ["feed.xml", "atom.xml", "feed.json"];

    private static (IncrementalHarness Site, IReadOnlyDictionary<string, byte[]> Before) After(Action<IncrementalHarness> edit) =>
        IncrementalHarness.BuiltThenEdited(SampleSite.Files(), edit);

    /// <summary>The listings whose feed files were written again rather than kept.</summary>
    private static SortedSet<string> RewrittenFeeds(IncrementalHarness site, IReadOnlyDictionary<string, byte[]> before)
    {
        var feedFiles = site.Output.Keys.Where(path => FeedFileNames.Any(name => path.EndsWith("/" + name, StringComparison.Ordinal))).ToList();
        Assert.True(feedFiles.Count > 12, $"expected the sample site's feeds, found {feedFiles.Count} files");
        return new SortedSet<string>(
            feedFiles.Where(path => !ReferenceEquals(before[path], site.Output[path])).Select(path => path[..(path.LastIndexOf('/') + 1)]),
            StringComparer.Ordinal);
    }

    [Fact]
    public void Nothing_changed_keeps_every_feed_and_the_sitemap()
    {
        var (site, before) = After(_ => { });

        Assert.Empty(RewrittenFeeds(site, before));
        Assert.Same(before["sitemap.xml"], site.Output["sitemap.xml"]);
    }

    [Fact]
    public void A_release_note_edit_rewrites_exactly_the_feeds_that_hold_it()
    {
        var (site, before) = After(s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles."));

        Assert.Equal(
            ["changelog/", "changelog/labels/improved/", "products/atlas/releases/"],
            RewrittenFeeds(site, before));
        Assert.Contains("Much faster tiles.", System.Text.Encoding.UTF8.GetString(site.Output["products/atlas/releases/atom.xml"]));
    }

    [Fact]
    public void A_label_change_rewrites_the_feeds_of_the_old_and_the_new_label()
    {
        var (site, before) = After(s => s.Edit(SampleSite.AtlasRelease, "labels: [improved]", "labels: [security]"));

        Assert.Equal(
            ["changelog/", "changelog/labels/improved/", "changelog/labels/security/", "products/atlas/releases/"],
            RewrittenFeeds(site, before));
    }

    [Fact]
    public void A_product_rename_rewrites_the_feeds_that_show_its_releases()
    {
        var (site, before) = After(s => s.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n"));

        // Its releases' entries carry the product's name (category, product); Beacon's feeds do not mention it.
        Assert.Equal(
            ["changelog/", "changelog/labels/improved/", "changelog/labels/new/", "products/atlas/releases/"],
            RewrittenFeeds(site, before));
        Assert.Contains("Atlas Maps", System.Text.Encoding.UTF8.GetString(site.Output["changelog/labels/new/feed.json"]));
    }

    [Fact]
    public void A_guide_edit_keeps_every_feed()
    {
        var (site, before) = After(s => s.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann in the channel."));

        Assert.Empty(RewrittenFeeds(site, before));
    }

    [Fact]
    public void A_text_edit_keeps_the_sitemap_and_a_date_edit_rewrites_it()
    {
        var (textEdited, beforeText) = After(s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles."));
        Assert.Same(beforeText["sitemap.xml"], textEdited.Output["sitemap.xml"]);

        var (dateEdited, beforeDate) = After(s => s.Edit(SampleSite.AtlasRelease, "date: 2026-06-01", "date: 2026-06-03"));
        Assert.NotSame(beforeDate["sitemap.xml"], dateEdited.Output["sitemap.xml"]);
        Assert.Contains("<lastmod>2026-06-03</lastmod>", System.Text.Encoding.UTF8.GetString(dateEdited.Output["sitemap.xml"]));
    }

    [Theory]
    [InlineData("organization: Example Corp", "organization: Example Group")]
    [InlineData("baseUrl: https://portal.example.internal/tools/", "baseUrl: https://portal.example.internal/portal/")]
    [InlineData("title: Test Portal", "title: Test Portal\nlanguage: de")]
    public void A_site_setting_every_feed_shows_rewrites_every_feed(string find, string replace)
    {
        // The publisher, the links and the language are fields of every feed (see FeedHeaderKey).
        var (site, before) = After(s => s.Edit("site.config.yml", find, replace));

        var all = site.Output.Keys.Where(path => FeedFileNames.Any(name => path.EndsWith("/" + name, StringComparison.Ordinal)))
            .Select(path => path[..(path.LastIndexOf('/') + 1)]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(all.Order(StringComparer.Ordinal), RewrittenFeeds(site, before));
    }

    [Fact]
    public void A_release_edited_then_undone_gives_the_first_feeds_again()
    {
        // Three builds in one process: an item's key remembered for the edited note must not stand for the original.
        var (site, before) = After(s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles."));

        site.Edit(SampleSite.AtlasRelease, "Much faster tiles.", "Faster tiles.");
        Assert.True(site.Build().Succeeded);
        site.AssertSameAsFullBuild();
        Assert.Equal(before["products/atlas/releases/feed.json"], site.Output["products/atlas/releases/feed.json"]);
    }

    [Fact]
    public void A_product_owner_change_rewrites_the_feeds_of_its_releases()
    {
        // The owner is each release entry's author: the product's source is part of its releases' keys.
        var (site, before) = After(s => s.Edit("content/products/atlas/index.md", "owner: Ann", "owner: Bob"));

        Assert.Contains("products/atlas/releases/", RewrittenFeeds(site, before));
        Assert.DoesNotContain("products/beacon/releases/", RewrittenFeeds(site, before));
        Assert.Contains("Bob", System.Text.Encoding.UTF8.GetString(site.Output["products/atlas/releases/feed.json"]));
    }
}
