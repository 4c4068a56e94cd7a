using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>Which pages an edit re-renders: those that show what changed, and no others.</summary>
public sealed class InvalidationTests
{
    private const string AtlasReleasePage = "products/atlas/releases/2.0.0/index.html";
    private const string AtlasChangelog = "products/atlas/releases/index.html";
    private const string AllReleases = "changelog/index.html";
    private const string Home = "index.html";
    private const string BeaconPage = "products/beacon/index.html";
    private const string AtlasGuidePage = "products/atlas/guides/setup/index.html";

    private static IncrementalHarness Built()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        Assert.Contains(Home, site.State.LastRendered);
        return site;
    }

    private static IReadOnlyList<string> RebuildAfter(IncrementalHarness site, Action<IncrementalHarness> edit)
    {
        edit(site);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        return site.State.LastRendered;
    }

    [Fact]
    public void Nothing_changed_renders_nothing()
    {
        var site = Built();
        var pages = site.Output.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal));

        var rendered = RebuildAfter(site, _ => { });

        Assert.Empty(rendered);
        Assert.True(site.State.LastKept >= pages - 1, $"kept {site.State.LastKept} of {pages} pages");
    }

    [Fact]
    public void A_release_note_edit_rerenders_its_page_its_changelogs_and_the_home_page_only()
    {
        var site = Built();

        var rendered = RebuildAfter(site, s => s.Edit(SampleSite.AtlasRelease, "Faster tiles.", "Much faster tiles."));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.Contains(AtlasChangelog, rendered);
        Assert.Contains(AllReleases, rendered);
        Assert.Contains(Home, rendered);
        Assert.DoesNotContain(BeaconPage, rendered);
        Assert.DoesNotContain(AtlasGuidePage, rendered);
        Assert.DoesNotContain("about/index.html", rendered);
        Assert.Contains("Much faster tiles.", System.Text.Encoding.UTF8.GetString(site.Output[AtlasReleasePage]));
    }

    [Fact]
    public void A_release_note_edit_below_its_summary_leaves_pages_that_show_only_the_summary()
    {
        var site = Built();

        var rendered = RebuildAfter(site, s => s.Edit(SampleSite.AtlasRelease, "More text here.", "Other text here."));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.DoesNotContain(Home, rendered);
        Assert.DoesNotContain(BeaconPage, rendered);
    }

    [Fact]
    public void A_template_change_rerenders_the_pages_drawn_with_it()
    {
        var site = Built();

        var rendered = RebuildAfter(site, s => s.Write(SampleSite.ReleaseLayout, "<article class=\"custom\">{{ page.title }}{{ page.content }}</article>\n"));

        Assert.Equal(
            ["products/atlas/releases/1.0.0/index.html", AtlasReleasePage, "products/beacon/releases/0.9.0/index.html"],
            rendered.Order(StringComparer.Ordinal));
        Assert.Contains("class=\"custom\"", System.Text.Encoding.UTF8.GetString(site.Output[AtlasReleasePage]));

        var again = RebuildAfter(site, s => s.Delete(SampleSite.ReleaseLayout));
        Assert.Equal(3, again.Count);
        Assert.DoesNotContain("class=\"custom\"", System.Text.Encoding.UTF8.GetString(site.Output[AtlasReleasePage]));
    }

    [Fact]
    public void A_partial_every_page_includes_rerenders_every_page()
    {
        var site = Built();
        var pages = site.Output.Keys.Where(k => k.EndsWith("index.html", StringComparison.Ordinal)).ToArray();

        var rendered = RebuildAfter(site, s => s.Write("themes/default/layouts/partials/footer.html", "<footer>new</footer>\n"));

        Assert.Superset(pages.ToHashSet(), rendered.ToHashSet());
    }

    [Fact]
    public void A_guide_edit_leaves_release_pages_alone()
    {
        var site = Built();

        var rendered = RebuildAfter(site, s => s.Edit(SampleSite.AtlasGuide, "Ask in the channel.", "Ask Ann."));

        Assert.Contains(AtlasGuidePage, rendered);
        Assert.DoesNotContain(AtlasReleasePage, rendered);
        Assert.DoesNotContain(BeaconPage, rendered);
    }

    [Fact]
    public void A_config_change_rerenders_everything()
    {
        var site = Built();
        var pages = site.Output.Keys.Count(k => k.EndsWith("index.html", StringComparison.Ordinal));

        var rendered = RebuildAfter(site, s => s.Edit("site.config.yml", "title: Test Portal", "title: Other Portal"));

        Assert.True(rendered.Count >= pages, $"{rendered.Count} of {pages} pages re-rendered");
    }

    [Fact]
    public void Adding_a_release_note_renders_it_and_updates_the_lists()
    {
        var site = Built();

        RebuildAfter(site, s => s.Write("content/products/beacon/releases/1.0.0.md", "---\ntitle: Beacon 1.0\nversion: 1.0.0\ndate: 2026-07-01\n---\nStable.\n"));

        Assert.Contains("products/beacon/releases/1.0.0/index.html", site.Output.Keys);
        Assert.Contains("Beacon 1.0", System.Text.Encoding.UTF8.GetString(site.Output[Home]));
        Assert.Contains("Beacon 1.0", System.Text.Encoding.UTF8.GetString(site.Output[AllReleases]));
    }
    [Fact]
    public void A_product_rename_rerenders_release_pages_whose_feed_links_name_the_product()
    {
        // feeds_for reads the product's title in code; the layout reads nothing else of the product.
        var files = SampleSite.Files();
        files[SampleSite.ReleaseLayout] = "{{ for feed in (feeds_for page) }}{{ feed.title }}\n{{ end }}";
        var site = new IncrementalHarness(files);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));

        var rendered = RebuildAfter(site, s => s.Edit("content/products/atlas/index.md", "title: Atlas\n", "title: Atlas Maps\n"));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.DoesNotContain("products/beacon/releases/0.9.0/index.html", rendered);
        Assert.Contains("Atlas Maps releases (RSS)", System.Text.Encoding.UTF8.GetString(site.Output[AtlasReleasePage]));
        site.AssertSameAsFullBuild();
    }
}
