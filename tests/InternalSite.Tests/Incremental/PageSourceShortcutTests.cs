using InternalSite.Build.Incremental;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// An unchanged page's members made from its own source are checked through one fingerprint of that source (see
/// <see cref="PageSourceMembers"/>): the pages that show an edited page must still be drawn again, and only those.
/// </summary>
public sealed class PageSourceShortcutTests
{
    private const string AtlasReleasePage = "products/atlas/releases/2.0.0/index.html";
    private const string OlderAtlasReleasePage = "products/atlas/releases/1.0.0/index.html";
    private const string AtlasChangelog = "products/atlas/releases/index.html";
    private const string BeaconPage = "products/beacon/index.html";

    private static IncrementalHarness Built()
    {
        var site = new IncrementalHarness(SampleSite.Files());
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        return site;
    }

    [Fact]
    public void Members_filled_in_from_other_pages_are_never_taken_from_the_source()
    {
        Assert.True(PageSourceMembers.IsFromOwnSource("title"));
        Assert.True(PageSourceMembers.IsFromOwnSource("content"));
        Assert.True(PageSourceMembers.IsFromOwnSource("version_text"));
        Assert.True(PageSourceMembers.IsFromOwnSource("logo"));
        foreach (var member in new[] { "product", "previous", "next", "nav_items", "items", "releases", "section", "guides", "events", "digest_releases" })
        {
            Assert.False(PageSourceMembers.IsFromOwnSource(member), member);
        }

        Assert.False(PageSourceMembers.IsFromOwnSource(PageSourceMembers.Member));
    }

    [Fact]
    public void An_edited_title_rerenders_the_pages_that_list_or_link_the_page()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "title: Atlas 2.0\n", "title: Atlas Two\n"));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.Contains(AtlasChangelog, rendered);
        // The older release links its newer neighbour by title.
        Assert.Contains(OlderAtlasReleasePage, rendered);
        Assert.Contains("Atlas Two", System.Text.Encoding.UTF8.GetString(site.Output[OlderAtlasReleasePage]));
        Assert.DoesNotContain(BeaconPage, rendered);
    }

    [Fact]
    public void A_body_edit_keeps_the_pages_that_show_only_the_pages_title()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "More text here.", "Other text here."));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.DoesNotContain(OlderAtlasReleasePage, rendered);
        Assert.DoesNotContain(BeaconPage, rendered);
    }

    [Fact]
    public void A_body_edited_and_then_put_back_is_drawn_again_both_times()
    {
        // Pages kept while the release changed read its source too: what they keep must be the new source, or the
        // body put back would look like the source the release's own page was last drawn from.
        var site = Built();

        Assert.Contains(AtlasReleasePage, site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "More text here.", "Other text here.")));
        Assert.Contains(AtlasReleasePage, site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "Other text here.", "More text here.")));

        Assert.Contains("More text here.", System.Text.Encoding.UTF8.GetString(site.Output[AtlasReleasePage]));
    }

    [Fact]
    public void An_edited_front_matter_field_of_a_kind_rerenders_the_page()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "labels: [improved]", "labels: [improved, security]"));

        Assert.Contains(AtlasReleasePage, rendered);
        Assert.Contains("security", System.Text.Encoding.UTF8.GetString(site.Output[AtlasReleasePage]));
    }

    [Fact]
    public void A_changed_template_rerenders_pages_whose_sources_are_unchanged()
    {
        var site = Built();

        var rendered = site.RebuildAfter(s => s.Write(SampleSite.ReleaseLayout, "<p class=\"changed\">{{ page.title }}</p>{{ page.content }}\n"));

        Assert.Contains(OlderAtlasReleasePage, rendered);
        Assert.Contains("class=\"changed\"", System.Text.Encoding.UTF8.GetString(site.Output[OlderAtlasReleasePage]));
    }

    [Fact]
    public void A_deleted_page_leaves_no_page_that_lists_it()
    {
        var site = Built();

        site.RebuildAfter(s => s.Delete(SampleSite.AtlasRelease));

        Assert.DoesNotContain(AtlasReleasePage, site.Output.Keys);
        Assert.DoesNotContain("Atlas 2.0", System.Text.Encoding.UTF8.GetString(site.Output[AtlasChangelog]));
        Assert.DoesNotContain("Atlas 2.0", System.Text.Encoding.UTF8.GetString(site.Output[OlderAtlasReleasePage]));
    }

    [Fact]
    public void A_renamed_page_is_shown_under_its_new_address_everywhere()
    {
        var site = Built();

        site.RebuildAfter(s => s.Rename(SampleSite.AtlasRelease, "content/products/atlas/releases/2.1.0.md"));

        Assert.Contains("products/atlas/releases/2.1.0/index.html", site.Output.Keys);
        Assert.Contains("releases/2.1.0/", System.Text.Encoding.UTF8.GetString(site.Output[OlderAtlasReleasePage]));
    }

    [Fact]
    public void A_moved_link_target_changes_the_body_of_the_page_linking_it()
    {
        // The product's body links a guide by its file: renaming the guide changes the link, not the product's file.
        var site = Built();

        site.RebuildAfter(s =>
        {
            s.Rename(SampleSite.AtlasGuide, "content/products/atlas/guides/install.md");
            s.Edit("content/products/atlas/index.md", "guides/setup.md", "guides/install.md");
        });

        Assert.Contains("guides/install/", System.Text.Encoding.UTF8.GetString(site.Output["products/atlas/index.html"]));
    }

    [Fact]
    public void The_source_fingerprint_follows_the_page_file_and_nothing_else()
    {
        var site = Built();
        var before = SourceFingerprints(site);

        site.RebuildAfter(s => s.Edit(SampleSite.AtlasRelease, "More text here.", "Other text here."));
        var after = SourceFingerprints(site);

        Assert.NotEqual(before["page:" + "products/atlas/releases/2.0.0/"], after["page:" + "products/atlas/releases/2.0.0/"]);
        Assert.Equal(before["page:" + "products/atlas/releases/1.0.0/"], after["page:" + "products/atlas/releases/1.0.0/"]);
        Assert.Equal(before["page:"], after["page:"]);
    }

    private static Dictionary<string, string> SourceFingerprints(IncrementalHarness site)
    {
        var state = site.State;
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < state.DependencyKeys.Length; i++)
        {
            if (state.DependencyKeys[i].Member == PageSourceMembers.Member)
            {
                fingerprints[state.DependencyKeys[i].Owner] = state.DependencyFingerprints[i];
            }
        }

        Assert.NotEmpty(fingerprints);
        return fingerprints;
    }
}
