using InternalSite.Outputs;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// Which files written by code (feeds, search index chunks, social cards) an edit makes again: those whose inputs
/// changed. The others are the last build's files, carried over (the same array in memory), and the whole output
/// still equals a full build.
/// </summary>
public sealed class FingerprintedOutputTests
{
    private static readonly FeedFormat[] Formats = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    private static string[] Feeds(string listing) => Formats.Select(f => OutputPaths.Feed(listing, f)).ToArray();

    private static readonly string[] AtlasFeeds = Feeds(OutputPaths.ProductReleasesListing("atlas"));
    private static readonly string[] BeaconFeeds = Feeds(OutputPaths.ProductReleasesListing("beacon"));
    private static readonly string[] AllReleaseFeeds = Feeds(OutputPaths.AllReleasesListing);
    private static readonly string[] ImprovedFeeds = Feeds(OutputPaths.LabelListing("improved"));
    private static readonly string[] FixedFeeds = Feeds(OutputPaths.LabelListing("fixed"));
    private static readonly string[] NewsletterFeeds = Feeds(OutputPaths.NewslettersListing);

    private sealed record Rebuilt(IncrementalHarness Site, IReadOnlyDictionary<string, byte[]> Before)
    {
        public bool Kept(string path) => ReferenceEquals(Before[path], Site.Output[path]);

        public IEnumerable<string> Made(string prefix) =>
            Site.Output.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && Before.ContainsKey(k) && !Kept(k));

        public IEnumerable<string> KeptUnder(string prefix) =>
            Site.Output.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && Before.ContainsKey(k) && Kept(k));
    }

    private static Rebuilt After(Action<IncrementalHarness> edit)
    {
        var (site, before) = IncrementalHarness.BuiltThenEdited(SampleSite.Files(), edit);
        return new Rebuilt(site, before);
    }

    [Fact]
    public void Nothing_changed_keeps_every_feed_search_chunk_and_card()
    {
        var rebuilt = After(_ => { });

        foreach (var path in AtlasFeeds.Concat(BeaconFeeds).Concat(AllReleaseFeeds).Concat(NewsletterFeeds))
        {
            Assert.True(rebuilt.Kept(path), $"{path} was made again");
        }

        Assert.Empty(rebuilt.Made(OutputPaths.SearchIndexFolder + "d/"));
        Assert.Empty(rebuilt.Made(OutputPaths.SearchIndexFolder + "p/"));
        Assert.Empty(rebuilt.Made(OutputPaths.SearchIndexFolder + "v/"));
        Assert.Empty(rebuilt.Made("social/"));
        Assert.NotEmpty(rebuilt.KeptUnder("social/"));
    }

    [Fact]
    public void A_release_body_edit_remakes_the_feeds_that_carry_the_release_and_no_others()
    {
        var rebuilt = After(s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles."));

        foreach (var path in AtlasFeeds.Concat(AllReleaseFeeds).Concat(ImprovedFeeds))
        {
            Assert.False(rebuilt.Kept(path), $"{path} was kept, but it carries the edited release");
            Assert.Contains("Much faster tiles.", System.Text.Encoding.UTF8.GetString(rebuilt.Site.Output[path]));
        }

        foreach (var path in BeaconFeeds.Concat(FixedFeeds).Concat(NewsletterFeeds))
        {
            Assert.True(rebuilt.Kept(path), $"{path} was made again, but nothing in it changed");
        }
    }

    [Fact]
    public void A_release_body_edit_remakes_only_the_search_chunks_it_shows_up_in()
    {
        var rebuilt = After(s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Faster zebratiles."));

        Assert.NotEmpty(rebuilt.Made(OutputPaths.SearchIndexFolder + "d/"));
        Assert.NotEmpty(rebuilt.KeptUnder(OutputPaths.SearchIndexFolder + "d/"));
        Assert.NotEmpty(rebuilt.Made(OutputPaths.SearchIndexFolder + "p/"));
        Assert.False(rebuilt.Kept(OutputPaths.SearchIndexFolder + "manifest.json"));
    }

    [Fact]
    public void A_body_edit_keeps_every_social_card_and_a_title_edit_remakes_only_its_own()
    {
        var bodyEdit = After(s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles."));
        Assert.Empty(bodyEdit.Made("social/"));

        var titleEdit = After(s => s.Edit(SampleSite.AtlasRelease, "title: Atlas 2.0", "title: Atlas 2.0 (tiles)"));
        var made = Assert.Single(titleEdit.Made("social/"));
        Assert.Contains("2.0.0", made);
    }

    [Fact]
    public void A_newsletter_edit_remakes_the_newsletter_feed_and_keeps_the_release_feeds()
    {
        var rebuilt = After(s => s.Edit("content/newsletters/2026-06.md", "What happened in June.", "What happened in June, and more."));

        Assert.All(NewsletterFeeds, path => Assert.False(rebuilt.Kept(path), path));
        Assert.All(AtlasFeeds.Concat(BeaconFeeds).Concat(AllReleaseFeeds), path => Assert.True(rebuilt.Kept(path), path));
    }

    [Fact]
    public void A_config_change_remakes_every_feed()
    {
        var rebuilt = After(s => s.Edit("site.config.yml", "title: Test Portal", "title: Renamed Portal"));

        Assert.All(AtlasFeeds.Concat(BeaconFeeds).Concat(AllReleaseFeeds).Concat(NewsletterFeeds), path => Assert.False(rebuilt.Kept(path), path));
    }

    [Fact]
    public void A_product_rename_remakes_the_feeds_of_its_releases()
    {
        // The product's title is in every item of its releases (category and product fields), not in the release files.
        var rebuilt = After(s => s.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n"));

        Assert.All(AtlasFeeds.Concat(AllReleaseFeeds), path => Assert.False(rebuilt.Kept(path), path));
        Assert.All(BeaconFeeds, path => Assert.True(rebuilt.Kept(path), path));
    }

    [Fact]
    public void A_product_rename_redraws_the_cards_that_name_the_product_and_no_others()
    {
        // A card names its page's product: the product's own card, its releases' and its guides' show the new name.
        var rebuilt = After(s => s.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n"));

        var made = rebuilt.Made("social/").ToList();
        Assert.Contains(Card("products/atlas"), made);
        Assert.Contains(Card("products/atlas/releases/2.0.0"), made);
        Assert.Contains(Card("products/atlas/guides/setup"), made);
        Assert.DoesNotContain(made, path => path.Contains("beacon", StringComparison.Ordinal));
        Assert.True(rebuilt.Kept(Card("about")));
    }

    [Fact]
    public void A_label_change_redraws_the_card_of_its_release()
    {
        // A release's card shows its labels; nothing but the page itself changed, so its remembered key must not be reused.
        var rebuilt = After(s => s.Edit(SampleSite.AtlasRelease, "labels: [improved]", "labels: [security]"));

        Assert.Contains(Card("products/atlas/releases/2.0.0"), rebuilt.Made("social/"));
        Assert.True(rebuilt.Kept(Card("products/beacon/releases/0.9.0")));
    }

    [Fact]
    public void A_theme_colour_change_redraws_every_card()
    {
        var rebuilt = After(s => s.Write("themes/default/assets/css/site.css", ":root { --card-background: #123456; }\n"));

        Assert.Empty(rebuilt.KeptUnder("social/"));
        Assert.NotEmpty(rebuilt.Made("social/"));
    }

    [Fact]
    public void A_title_edited_then_undone_gives_the_first_card_again()
    {
        // Three builds in one process: the card remembered for the edited title must not stand for the original one.
        var rebuilt = After(s => s.Edit(SampleSite.AtlasRelease, "title: Atlas 2.0", "title: Atlas 2.0 (tiles)"));
        var card = Card("products/atlas/releases/2.0.0");

        rebuilt.Site.Edit(SampleSite.AtlasRelease, "title: Atlas 2.0 (tiles)", "title: Atlas 2.0");
        Assert.True(rebuilt.Site.Build().Succeeded);
        rebuilt.Site.AssertSameAsFullBuild();
        Assert.Equal(rebuilt.Before[card], rebuilt.Site.Output[card]);
    }

    /// <summary>The card of the page at <paramref name="route"/> (without its final slash), which must be in the output.</summary>
    private static string Card(string route) => $"social/{route}.png";
}
